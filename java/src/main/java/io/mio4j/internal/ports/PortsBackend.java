package io.mio4j.internal.ports;

import io.mio4j.internal.Poller;
import io.mio4j.internal.unix.UnixBackend;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Event ports: illumos and Solaris (os.name "SunOS"). Sockets and pipes are the POSIX layer's. */
public final class PortsBackend extends UnixBackend {
    @Override
    public String pollerName() {
        return "event ports";
    }

    @Override
    public boolean serves(String os) {
        return os.equals("sunos");
    }

    @Override
    public Poller openPoller() throws IOException {
        return PortsPoller.open();
    }

    /** The port_event_t layout the poller reads, and whether POLLRDHUP reports the peer's FIN. */
    @Override
    public Map<String, String> facts() {
        PortEvents events = PortsPoller.Kernel.EVENTS;
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("port_event_t", events.layout());
        facts.put("features", "POLLRDHUP " + (events.pollRdHup != 0 ? "yes" : "no (read-closed only on POLLHUP)"));
        return facts;
    }
}
