package cn.edu.cashl.hub.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many OAI-PMH requests are served at once. Each holds at most one page in memory and keeps a
 * core busy; past the limit a request waits a little, then is told to come back (503 with
 * Retry-After) instead of piling up until the hub runs out of memory or every request times out.
 */
public final class OaiGate {

    /** How long a request waits for a turn before it is turned away. */
    private static final long WAIT_MS = 2_000;
    /** What a turned-away harvester is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;

    public OaiGate(int concurrent) {
        this.permits = new Semaphore(concurrent, true);
    }

    /** Takes a turn; false when none came free in time. */
    boolean enter() {
        try {
            return permits.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }
}
