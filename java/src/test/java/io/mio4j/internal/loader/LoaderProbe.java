package io.mio4j.internal.loader;

import io.mio4j.Events;
import io.mio4j.Mio4j;
import io.mio4j.Poll;

import java.time.Duration;

/** Main class of the child JVMs in NativeLoaderTest: opens a Poll and prints what happened. */
public final class LoaderProbe {
    private LoaderProbe() {
    }

    public static void main(String[] args) {
        try (Poll poll = Poll.open()) {
            poll.poll(Events.withCapacity(1), Duration.ZERO);   // one real wait (epoll_wait, kevent) through the library
            NativeLoader.Result library = Binding.current() == Binding.JNI ? NativeLibrary.loadResult() : null;
            System.out.println("backend=" + Mio4j.backend() + " from "
                    + (library != null ? library.step() : "no native library"));
        } catch (Throwable e) {
            System.out.println("error=" + e.getClass().getName());
            System.out.println(e.getMessage());
        }
        System.out.println("diagnostics:");
        System.out.println(Mio4j.diagnostics());
    }
}
