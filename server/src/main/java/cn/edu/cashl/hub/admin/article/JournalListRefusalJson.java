package cn.edu.cashl.hub.admin.article;

import cn.edu.cashl.hub.source.JournalListReader;
import java.util.List;

/** A list not saved because no line of it has a valid ISSN: the first lines, each with why. */
public record JournalListRefusalJson(String error, List<JournalListReader.Rejected> rejected, int rejectedLines) {}
