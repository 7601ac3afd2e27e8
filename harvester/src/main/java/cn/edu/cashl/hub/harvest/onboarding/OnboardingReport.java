package cn.edu.cashl.hub.harvest.onboarding;

import java.util.List;
import java.util.Optional;

/**
 * What the {@link OnboardingCheck} found out about a source before it is saved.
 *
 * @param ok      every step passed
 * @param steps   the steps, in the order they ran: {@code identify}, {@code formats}, {@code sample}
 *                (OAI-PMH), {@code location}, {@code sample} (CALIS export, KBART, Crossref),
 *                {@code location} (file)
 * @param samples the sample records and what the crosswalk made of them
 */
public record OnboardingReport(boolean ok, List<Step> steps, List<Sample> samples) {

    public OnboardingReport {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
    }

    /** A report whose {@code ok} is that of its steps. */
    public static OnboardingReport of(List<Step> steps, List<Sample> samples) {
        return new OnboardingReport(!steps.isEmpty() && steps.stream().allMatch(Step::ok), steps, samples);
    }

    /** The step of that name, if it ran. */
    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * One step of the check.
     *
     * @param name    {@code identify}, {@code formats}, {@code sample} or {@code location}
     * @param ok      it passed
     * @param message what was found, or what is wrong, in words an admin can act on
     */
    public record Step(String name, boolean ok, String message) {}

    /**
     * One sample record.
     *
     * @param identifier its OAI identifier or its id at the source
     * @param ok         it crosswalks to a valid CASHL record
     * @param message    which crosswalk made it, or why it is not acceptable
     * @param output     the canonical XML; null when there is none
     */
    public record Sample(String identifier, boolean ok, String message, String output) {}
}
