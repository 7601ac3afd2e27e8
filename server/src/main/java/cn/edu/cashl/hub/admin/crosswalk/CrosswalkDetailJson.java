package cn.edu.cashl.hub.admin.crosswalk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A crosswalk with the text of its published version, which the editor opens. */
public record CrosswalkDetailJson(@JsonUnwrapped CrosswalkJson crosswalk, String stylesheet) {}
