package io.newsline.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM per operation ({@code -prof io.newsline.benchmarks.CpuTimeProfiler}):
 * the process CPU time an iteration used (benchmark thread plus GC and JIT threads) divided by its
 * operations. On a machine shared with other work, wall-clock time per operation includes waiting for a
 * core; this does not, so it is the figure to hold against a CPU budget. Run single-threaded ({@code -t 1}).
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = processCpuNanos() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        if (cpu <= 0 || ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.per.op", cpu / 1e3 / ops, "us/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
