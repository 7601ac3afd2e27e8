package cn.edu.cashl.hub.admin.article;

import cn.edu.cashl.hub.source.JournalListReader;
import java.util.List;

/** A journal list just saved: its journals, and the first lines left out of it with why (all counted). */
public record SavedJournalListJson(
        String id, int journals, List<JournalListReader.Rejected> rejected, int rejectedLines) {}
