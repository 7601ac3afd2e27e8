package cn.edu.cashl.hub.admin.source;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One quarantined record with the XML exactly as the source sent it. */
public record QuarantinedRecordDetailJson(@JsonUnwrapped QuarantinedRecordJson record, String raw) {}
