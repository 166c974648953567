package io.newsline.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this program's log (Kafka clients, Kafka Streams, our classes) to a file instead of stderr while a
 * command keeps stderr for its own progress lines; {@link #close()} puts things back.
 */
final class LogToFile implements AutoCloseable {
    private final ch.qos.logback.classic.Logger root;
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final FileAppender<ILoggingEvent> file;

    private LogToFile(ch.qos.logback.classic.Logger root, FileAppender<ILoggingEvent> file) {
        this.root = root;
        this.file = file;
    }

    /** Redirects the log to {@code path}; does nothing (and returns a no-op) when Logback is not in charge. */
    static AutoCloseable redirect(Path path) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> {};
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("newsline-file");
        file.setFile(path.toString());
        file.setEncoder(encoder);
        file.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        LogToFile redirect = new LogToFile(root, file);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            redirect.detached.add(it.next());
        }
        redirect.detached.forEach(root::detachAppender);
        root.addAppender(file);
        return redirect;
    }

    @Override
    public void close() {
        root.detachAppender(file);
        detached.forEach(root::addAppender);
        file.stop();
    }
}
