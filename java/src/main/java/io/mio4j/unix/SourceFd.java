package io.mio4j.unix;

import io.mio4j.Interest;
import io.mio4j.Registry;
import io.mio4j.Source;
import io.mio4j.Token;
import io.mio4j.internal.Access;
import io.mio4j.internal.platform.Platform;

import java.io.IOException;
import java.util.Objects;

/**
 * Registers a descriptor the caller owns (a timerfd, a signalfd, a descriptor from
 * another library). The caller keeps it open while registered and deregisters it
 * before closing it; mio4j never closes it. Errors are the OS's (registering twice:
 * {@code epoll_ctl: File exists}).
 */
public final class SourceFd implements Source {
    private final int fd;

    private SourceFd(int fd) {
        this.fd = fd;
    }

    /**
     * @param fd the descriptor, not negative
     * @return a source for it
     * @throws IllegalArgumentException      if fd is negative
     * @throws UnsupportedOperationException where the OS has no descriptors to poll (Windows)
     */
    public static SourceFd of(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("negative descriptor: " + fd);
        }
        Platform.backend().requireUnix("SourceFd");
        return new SourceFd(fd);
    }

    /** @return the descriptor */
    public int fd() {
        return fd;
    }

    @Override
    public void register(Registry registry, Token token, Interest interests) throws IOException {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        Access.poller(Objects.requireNonNull(registry, "registry")).register(fd, token, interests);
    }

    @Override
    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        Access.poller(Objects.requireNonNull(registry, "registry")).reregister(fd, token, interests);
    }

    @Override
    public void deregister(Registry registry) throws IOException {
        Access.poller(Objects.requireNonNull(registry, "registry")).deregister(fd);
    }

    @Override
    public String toString() {
        return "SourceFd{" + fd + "}";
    }
}
