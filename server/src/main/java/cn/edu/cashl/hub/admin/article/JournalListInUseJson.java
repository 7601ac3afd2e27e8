package cn.edu.cashl.hub.admin.article;

import java.util.List;

/** A list not deleted because sources name it: deleting it would make them read nothing. */
public record JournalListInUseJson(String error, List<String> usedBy) {}
