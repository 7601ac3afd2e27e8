package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.oai.FetchListener;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.OaiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Fetches the next page of a list while the harvest ingests the current one: a busy member server
 * that takes a second or two per page then costs its own time only, not its time plus the hub's.
 * At most one page is ever ahead, so memory holds two pages at most; the harvest still writes a
 * checkpoint only after a page's records are in the catalogue.
 *
 * <p>What the fetch reports to its listener (requests, retries, repairs) is kept and handed to the
 * run when the page is taken, on the run's own thread: the run's counts and log see the page in
 * order, as if it had been fetched then. Without prefetch, a page is fetched when it is taken.
 */
final class PagePrefetch implements AutoCloseable {

    /** One request of a list: a first page or a resumption. */
    interface Request {
        OaiResponse fetch(FetchListener listener) throws HarvestFault, InterruptedException;
    }

    private final ExecutorService worker;
    private Pending ahead;

    /** @param enabled fetch one page ahead; false: fetch each page when it is taken */
    PagePrefetch(boolean enabled, String name) {
        this.worker = enabled
                ? Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "prefetch-" + name);
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    boolean enabled() {
        return worker != null;
    }

    /** Starts fetching a page that will be taken next (without prefetch: remembers it). */
    void ahead(Request request) {
        cancel();
        ahead = new Pending(request, worker);
    }

    /** The page started with {@link #ahead}, or this request fetched now when none was. */
    OaiResponse take(Request request, FetchListener listener) throws HarvestFault, InterruptedException {
        Pending pending = ahead != null ? ahead : new Pending(request, null);
        ahead = null;
        return pending.result(listener);
    }

    /** Forgets the page ahead, stopping its fetch. */
    void cancel() {
        if (ahead != null) {
            ahead.cancel();
            ahead = null;
        }
    }

    @Override
    public void close() {
        cancel();
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** A page being fetched (or to be fetched on the taker's thread), with what it reported meanwhile. */
    private static final class Pending {
        private final Request request;
        private final Future<OaiResponse> future;
        private final List<Consumer<FetchListener>> reports = new ArrayList<>();

        Pending(Request request, ExecutorService worker) {
            this.request = request;
            this.future = worker == null ? null : worker.submit(() -> request.fetch(new Recorder(reports)));
        }

        OaiResponse result(FetchListener listener) throws HarvestFault, InterruptedException {
            if (future == null) {
                return request.fetch(listener);
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HarvestFault fault) {
                    throw fault;
                }
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (CancellationException e) {
                throw new InterruptedException("the page fetched ahead was cancelled");
            } finally {
                replay(listener);
            }
        }

        private void replay(FetchListener listener) {
            List<Consumer<FetchListener>> copy;
            synchronized (reports) {
                copy = List.copyOf(reports);
            }
            copy.forEach(report -> report.accept(listener));
        }

        void cancel() {
            if (future != null) {
                future.cancel(true);
            }
        }
    }

    /** Keeps a background fetch's reports for the run's thread. */
    private record Recorder(List<Consumer<FetchListener>> reports) implements FetchListener {

        private void add(Consumer<FetchListener> report) {
            synchronized (reports) {
                reports.add(report);
            }
        }

        @Override
        public void requested(String uri, long bytes) {
            add(listener -> listener.requested(uri, bytes));
        }

        @Override
        public void retrying(String reason, long waitMillis) {
            add(listener -> listener.retrying(reason, waitMillis));
        }

        @Override
        public void repaired(String description) {
            add(listener -> listener.repaired(description));
        }
    }
}
