package io.newsline.streams.timeline;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** Per-task counters of the timeline stages, group {@value #GROUP}. */
public final class TimelineMetrics {
    public static final String GROUP = "newsline-timeline-metrics";

    private TimelineMetrics() {}

    /**
     * A counter {@code <name>-total} of the task; processors of one task that ask for the same name share it.
     * Sensors are looked up by name, so the metric is added only once.
     */
    public static Sensor counter(ProcessorContext<?, ?> context, String name, String description) {
        Map<String, String> tags = Map.of("task-id", context.taskId().toString());
        Sensor sensor = context.metrics().addSensor(name + "-" + context.taskId(), Sensor.RecordingLevel.INFO);
        if (!sensor.hasMetrics()) {
            sensor.add(new MetricName(name + "-total", GROUP, description, tags), new CumulativeCount());
        }
        return sensor;
    }

    /** Puts and deletes of the timeline processors on their own stores, before caching: what each entry costs. */
    public static Sensor storeWrites(ProcessorContext<?, ?> context) {
        return counter(context, "timeline-store-writes", "puts and deletes on the timeline stores (before caching)");
    }
}
