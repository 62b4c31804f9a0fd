/**
 * mio4j: Metal I/O for Java. Non-blocking sockets and edge-triggered readiness events
 * over the operating system's poller, after Rust's mio 0.7.
 */
module io.mio4j {
    requires org.slf4j;
    requires static jdk.net;
    // The JNA binding's, an optional dependency: used only where neither our native
    // library nor FFM is (on the module path, add JNA with --add-modules com.sun.jna).
    requires static com.sun.jna;

    exports io.mio4j;
    exports io.mio4j.net;
    exports io.mio4j.unix;
}
