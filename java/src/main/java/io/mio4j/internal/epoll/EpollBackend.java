package io.mio4j.internal.epoll;

import io.mio4j.internal.Poller;
import io.mio4j.internal.unix.UnixBackend;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** epoll: Linux and Android. Sockets and pipes are the POSIX layer's. */
public final class EpollBackend extends UnixBackend {
    @Override
    public String pollerName() {
        return "epoll";
    }

    @Override
    public boolean serves(String os) {
        return os.equals("linux");
    }

    @Override
    public Poller openPoller() throws IOException {
        return EpollPoller.open();
    }

    /** Whether epoll_pwait2 (nanosecond timeouts) is used. */
    public static boolean hasPwait2() {
        return EpollPoller.HAS_PWAIT2;
    }

    /**
     * The struct epoll_event layout the poller reads (packed on x86: "12 bytes, events
     * at 0, data at 4"; naturally aligned elsewhere: 16, data at 8) and whether
     * epoll_pwait2 gives nanosecond timeouts.
     */
    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        int[] layout = EpollPoller.eventLayout();
        facts.put("epoll_event", layout[0] + " bytes, events at " + layout[1] + ", data at " + layout[2]);
        facts.put("features", "epoll_pwait2 " + (hasPwait2() ? "yes" : "no (millisecond timeouts)"));
        return facts;
    }
}
