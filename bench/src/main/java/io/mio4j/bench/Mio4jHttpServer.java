package io.mio4j.bench;

import io.mio4j.examples.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The mio4j row of workload (f) is the public example itself, examples/.../HttpServer.java, unchanged. */
final class Mio4jHttpServer implements HttpBenchServer {
    private final HttpServer server;
    private Thread loop;

    Mio4jHttpServer() throws IOException {
        server = new HttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    public Thread start() {
        loop = new Thread(server, "mio4j-http-loop");
        loop.start();
        return loop;
    }

    @Override
    public int port() throws IOException {
        return server.address().getPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (loop != null) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
