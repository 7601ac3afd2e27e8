package cn.edu.cashl.hub.server;

import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jetty 12 with one Jersey application at the root; the resources decide the paths. */
final class HttpServer implements AutoCloseable {

    private static final long STOP_TIMEOUT_MS = 10_000;

    private final Server server;
    private final ServerConnector connector;

    private HttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static HttpServer start(String host, int port, ResourceConfig application) throws HubStartupException {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("cashl-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setStopAtShutdown(false); // the hub stops it, in order, from its own shutdown hook

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("jersey", new ServletContainer(application)), "/*");
        // gzip for clients that accept it (OAI-PMH Identify announces it); small answers stay plain.
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(1024);
        gzip.setIncludedMimeTypes("text/xml", "application/xml", "application/json", "text/plain");
        gzip.setHandler(context);
        server.setHandler(gzip);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e instanceof BindException || e.getCause() instanceof BindException || e instanceof IOException) {
                throw new HubStartupException(
                        "cannot listen on " + host + ":" + port
                                + " (is another program using the port? choose one with --port or hub.port): "
                                + e.getMessage(),
                        e);
            }
            throw new HubStartupException("the HTTP server failed to start: " + e.getMessage(), e);
        }
        return new HttpServer(server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort: the process is going away
        }
    }
}
