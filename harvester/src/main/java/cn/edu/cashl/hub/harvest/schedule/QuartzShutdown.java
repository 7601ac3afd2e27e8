package cn.edu.cashl.hub.harvest.schedule;

import java.time.Duration;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Quartz without closing an H2 database. Quartz interrupts its scheduler thread when it shuts
 * down. Caught in a database write (releasing or acquiring a trigger), the interrupt closes an H2
 * database for good (ClosedByInterruptException), and with it the hub's harvest records. So the
 * thread is first put in standby and given the time to finish what it is writing.
 */
final class QuartzShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzShutdown.class);

    private QuartzShutdown() {}

    /** Stops the scheduler: running jobs are interrupted; waits for them to let go. */
    static void stop(Scheduler scheduler, Duration idleLimit) throws SchedulerException {
        scheduler.standby();
        awaitSchedulerThreadIdle(scheduler, idleLimit);
        scheduler.shutdown(true);
    }

    /** Waits until Quartz's scheduler thread waits on its lock (idle, in standby), or the time is up. */
    private static void awaitSchedulerThreadIdle(Scheduler scheduler, Duration limit) {
        String name;
        try {
            name = scheduler.getSchedulerName() + "_QuartzSchedulerThread";
        } catch (SchedulerException e) {
            return;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        int idleChecks = 0;
        while (System.nanoTime() < deadline) {
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(name) && t.isAlive())
                    .findFirst()
                    .orElse(null);
            if (thread == null) {
                return;
            }
            boolean waiting =
                    (thread.getState() == Thread.State.TIMED_WAITING || thread.getState() == Thread.State.WAITING)
                            && waitsInQuartzItself(thread.getStackTrace());
            // Twice in a row, some milliseconds apart: not a wait it was about to leave.
            idleChecks = waiting ? idleChecks + 1 : 0;
            if (idleChecks >= 2) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("the Quartz scheduler thread did not go idle within {} ms; stopping it anyway", limit.toMillis());
    }

    /**
     * Whether a waiting thread waits in Quartz's own loop (for a signal, or for a free worker
     * thread), not in a database call: the first frame outside the JDK says.
     */
    private static boolean waitsInQuartzItself(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return type.equals("org.quartz.core.QuartzSchedulerThread")
                            && frame.getMethodName().equals("run")
                    || type.equals("org.quartz.simpl.SimpleThreadPool")
                            && frame.getMethodName().equals("blockForAvailableThreads");
        }
        return false;
    }
}
