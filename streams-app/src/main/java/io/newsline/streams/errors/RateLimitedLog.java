package io.newsline.streams.errors;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a recurring condition at most once per interval, with how many times it happened in between, so an outage
 * that makes every record fail gives one line every few seconds instead of thousands.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, Duration interval) {
        this(log, interval, System::currentTimeMillis);
    }

    RateLimitedLog(Logger log, Duration interval, LongSupplier clock) {
        this.log = log;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /** Logs {@code message} (an SLF4J pattern) at WARN unless a line went out less than an interval ago. */
    public boolean warn(String message, Object... arguments) {
        long now = clock.getAsLong();
        long last = lastLogged.get();
        if (last != Long.MIN_VALUE && now - last < intervalMillis) {
            suppressed.incrementAndGet();
            return false;
        }
        if (!lastLogged.compareAndSet(last, now)) {
            suppressed.incrementAndGet();
            return false;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped > 0) {
            log.warn(message + " ({} more like it since the last line)", append(arguments, skipped));
        } else {
            log.warn(message, arguments);
        }
        return true;
    }

    private static Object[] append(Object[] arguments, Object last) {
        Object[] all = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = last;
        return all;
    }
}
