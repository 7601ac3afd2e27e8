package cn.edu.cashl.hub.admin.article;

import java.util.List;

/** Every journal list of the configuration, by id. */
public record JournalListsJson(List<JournalListJson> lists) {}
