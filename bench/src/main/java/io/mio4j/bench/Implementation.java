package io.mio4j.bench;

/**
 * The implementations compared, in the order tables list them. MIO4J_FFM and MIO4J_JNA are
 * mio4j's own code again, bound through FFM or JNA instead of JNI (-Dmio4j.binding).
 */
enum Implementation {
    C("C (raw epoll, ET)"),
    NIO("Java NIO Selector"),
    NETTY("Netty epoll 4.2"),
    MIO4J("mio4j"),
    MIO4J_FFM("mio4j FFM"),
    MIO4J_JNA("mio4j JNA");

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

    /** What its child JVMs get beyond BenchRunner.JVM_OPTIONS. */
    java.util.List<String> jvmOptions() {
        return switch (this) {
            case MIO4J_FFM -> java.util.List.of("-Dmio4j.binding=ffm", "--enable-native-access=ALL-UNNAMED");
            case MIO4J_JNA -> java.util.List.of("-Dmio4j.binding=jna", "--enable-native-access=ALL-UNNAMED");
            default -> java.util.List.of();
        };
    }

    /** The Java implementations of the echo server, the ping-pong client and the wake-up. */
    EchoServer newEchoServer() throws java.io.IOException {
        return switch (this) {
            case NIO -> new NioEchoServer();
            case NETTY -> new NettyEchoServer();
            case MIO4J, MIO4J_FFM, MIO4J_JNA -> new Mio4jEchoServer();
            case C -> throw new IllegalStateException("the C server is bench/c/echo_server.c");
        };
    }

    /** Workload (f)'s HTTP server; mio4j's is the public example. */
    HttpBenchServer newHttpServer() throws java.io.IOException {
        return switch (this) {
            case NIO -> new NioHttpServer();
            case NETTY -> new NettyHttpServer();
            case MIO4J, MIO4J_FFM, MIO4J_JNA -> new Mio4jHttpServer();
            case C -> throw new IllegalStateException("the C server is bench/c/http_server.c");
        };
    }

    PingPongClient newPingPongClient() {
        return switch (this) {
            case NIO -> new NioPingPongClient();
            case NETTY -> new NettyPingPongClient();
            case MIO4J, MIO4J_FFM, MIO4J_JNA -> new Mio4jPingPongClient();
            case C -> throw new IllegalStateException("the C client is bench/c/latency.c");
        };
    }

    WakeUpLatency newWakeUpLatency() {
        return switch (this) {
            case NIO -> new NioWakeUpLatency();
            case NETTY -> new NettyWakeUpLatency();
            case MIO4J, MIO4J_FFM, MIO4J_JNA -> new Mio4jWakeUpLatency();
            case C -> throw new IllegalStateException("the C wake-up is bench/c/latency.c");
        };
    }
}
