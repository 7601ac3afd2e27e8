package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.harvest.onboarding.OnboardingReport;

/** A source not saved, with the onboarding check that failed (its steps say what to fix). */
public record OnboardingRefusalJson(String error, OnboardingReport check) {}
