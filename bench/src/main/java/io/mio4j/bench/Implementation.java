package io.mio4j.bench;

/** The four implementations compared, in the order tables list them. */
enum Implementation {
    C("C (raw epoll, ET)"),
    NIO("Java NIO Selector"),
    NETTY("Netty epoll 4.2"),
    MIO4J("mio4j");

    private final String label;

    Implementation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isJava() {
        return this != C;
    }

    /** The Java implementations of the echo server, the ping-pong client and the wake-up. */
    EchoServer newEchoServer() throws java.io.IOException {
        return switch (this) {
            case NIO -> new NioEchoServer();
            case NETTY -> new NettyEchoServer();
            case MIO4J -> new Mio4jEchoServer();
            case C -> throw new IllegalStateException("the C server is bench/c/echo_server.c");
        };
    }

    /** Workload (f)'s HTTP server; mio4j's is the public example. */
    HttpBenchServer newHttpServer() throws java.io.IOException {
        return switch (this) {
            case NIO -> new NioHttpServer();
            case NETTY -> new NettyHttpServer();
            case MIO4J -> new Mio4jHttpServer();
            case C -> throw new IllegalStateException("the C server is bench/c/http_server.c");
        };
    }

    PingPongClient newPingPongClient() {
        return switch (this) {
            case NIO -> new NioPingPongClient();
            case NETTY -> new NettyPingPongClient();
            case MIO4J -> new Mio4jPingPongClient();
            case C -> throw new IllegalStateException("the C client is bench/c/latency.c");
        };
    }

    WakeUpLatency newWakeUpLatency() {
        return switch (this) {
            case NIO -> new NioWakeUpLatency();
            case NETTY -> new NettyWakeUpLatency();
            case MIO4J -> new Mio4jWakeUpLatency();
            case C -> throw new IllegalStateException("the C wake-up is bench/c/latency.c");
        };
    }
}
