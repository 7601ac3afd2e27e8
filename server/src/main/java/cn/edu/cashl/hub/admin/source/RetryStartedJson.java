package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.job.JobJson;

/** A retry of quarantined records, started as a job to follow. */
public record RetryStartedJson(JobJson job) {}
