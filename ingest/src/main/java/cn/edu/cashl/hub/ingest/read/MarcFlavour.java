package cn.edu.cashl.hub.ingest.read;

import org.marc4j.marc.DataField;

/**
 * MARC 21 or UNIMARC, from the record's content: nothing in an ISO 2709 or MARCXML record says which.
 * UNIMARC has its title in 200 and its coded data in 100; MARC 21 has the title in 245.
 */
final class MarcFlavour {

    private MarcFlavour() {}

    static RecordFormat of(org.marc4j.marc.Record record) {
        if (record.getVariableField("245") != null) {
            return RecordFormat.MARC21;
        }
        boolean unimarcTitle =
                record.getVariableField("200") instanceof DataField title && title.getSubfield('a') != null;
        boolean unimarcCoded = record.getVariableField("100") instanceof DataField
                || record.getVariableField("101") instanceof DataField;
        return unimarcTitle && unimarcCoded ? RecordFormat.UNIMARC : RecordFormat.MARC21;
    }
}
