package io.mio4j.internal.kqueue;

import io.mio4j.internal.Poller;
import io.mio4j.internal.unix.UnixBackend;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** kqueue: macOS and the BSDs. Sockets and pipes are the POSIX layer's. */
public final class KqueueBackend extends UnixBackend {
    @Override
    public String pollerName() {
        return "kqueue";
    }

    @Override
    public boolean serves(String os) {
        return switch (os) {
            case "osx", "freebsd", "openbsd", "netbsd", "dragonfly" -> true;
            default -> false;
        };
    }

    /**
     * Whether wake-ups use EVFILT_USER with NOTE_TRIGGER: where mio 0.7 does (macOS,
     * FreeBSD) and on DragonFly, which has it too (native/kqueue/ABI.md); and under
     * libkqueue on Linux, which emulates FreeBSD. NetBSD and OpenBSD use a pipe, as mio
     * does there (their EVFILT_USER is recent). {@code forced} "pipe" chooses the pipe
     * anywhere (-Dmio4j.kqueue.waker=pipe, to test it).
     */
    static boolean userFilterWakes(String os, String forced, boolean hasUserFilter) {
        if (forced.equals("pipe") || !hasUserFilter) {
            return false;
        }
        return switch (os) {
            case "osx", "freebsd", "dragonfly", "linux" -> true;
            default -> false;
        };
    }

    @Override
    public Poller openPoller() throws IOException {
        return KqueuePoller.open();
    }

    /** The struct kevent layout the poller reads and how it wakes itself. */
    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kevent", Kqueue.describe());
        facts.put("waker", KqueuePoller.USER_FILTER ? "EVFILT_USER" : "pipe");
        return facts;
    }
}
