package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.harvest.onboarding.OnboardingReport;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A source just added or edited, with the onboarding check it passed. */
public record SavedSourceJson(@JsonUnwrapped SourceJson source, OnboardingReport check) {}
