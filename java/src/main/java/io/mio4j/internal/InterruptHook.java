package io.mio4j.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * Makes Thread.interrupt() wake a thread blocked in poll, as it wakes one blocked in a
 * java.nio Selector. AbstractSelector's begin()/end() are the public way to be told of
 * an interrupt: between them, interrupting the thread calls {@link #wakeup()}, and a
 * thread that enters already interrupted calls it at once. Nothing else of
 * AbstractSelector is used.
 */
public final class InterruptHook extends AbstractSelector {
    private final Poller target;

    public InterruptHook(Poller target) {
        super(SelectorProvider.provider());
        this.target = target;
    }

    /** Call before blocking; pair with {@link #exit()} in a finally block. */
    public void enter() {
        begin();
    }

    public void exit() {
        end();
    }

    @Override
    public java.nio.channels.Selector wakeup() {
        try {
            target.wakeup();
        } catch (IOException | RuntimeException ignored) {
            // a closed poller has nothing left to wake
        }
        return this;
    }

    @Override
    protected void implCloseSelector() {
    }

    @Override
    protected SelectionKey register(AbstractSelectableChannel ch, int ops, Object att) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<SelectionKey> keys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<SelectionKey> selectedKeys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int selectNow() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int select(long timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int select() {
        throw new UnsupportedOperationException();
    }
}
