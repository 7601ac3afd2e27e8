package cn.edu.cashl.hub.admin.account;

/** A login refused while its account is locked out, and how many seconds that lasts (as in Retry-After). */
public record LockedOutJson(String error, long retryAfter) {}
