package io.newsline.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.avro.RawArticle;
import io.newsline.common.Topics;
import io.newsline.testkit.RealInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the app as separate JVMs, one killed with SIGKILL: the survivor must own every task within
 * 15 s (the default main-consumer session timeout is 6 s), with a standby replica of each stateful task, and
 * every article sent before and after the kill must have exactly one outcome.
 */
@Timeout(420)
class FailoverIT {
    private static final Duration FAILOVER_TARGET = Duration.ofSeconds(15);

    @TempDir
    Path work;

    @Test
    void afterKillNineOfOneOfTwoInstancesTheSurvivorOwnsItsTasksWithinFifteenSeconds() throws Exception {
        try (Pipeline pipeline = Pipeline.start(RealInfrastructure.registry().confluentApiUrl(), work)) {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                RawArticle article = Articles.story(2_000 + n);
                ids.add(article.getArticleId());
                pipeline.send(article);
            }
            Pipeline.ChildApp first = pipeline.startChild("a");
            Pipeline.ChildApp second = pipeline.startChild("b");
            await("both instances in the group, every raw partition assigned")
                    .atMost(Pipeline.PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        ConsumerGroupDescription group = group(pipeline);
                        return group.members().size() == 2
                                && rawPartitions(group.members()).size() == Pipeline.PARTITIONS
                                && group.members().stream().allMatch(m -> !m.assignment()
                                        .topicPartitions()
                                        .isEmpty());
                    });
            awaitOutcomes(pipeline, ids.size());

            long killedAt = System.nanoTime();
            first.killHard();
            await("the survivor to own every raw partition")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> {
                        ConsumerGroupDescription group = group(pipeline);
                        return group.members().size() == 1
                                && group.members().stream().noneMatch(m -> isOf(pipeline, m, first))
                                && rawPartitions(group.members()).size() == Pipeline.PARTITIONS;
                    });
            Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);

            for (int n = 60; n < 90; n++) {
                RawArticle article = Articles.story(2_000 + n);
                ids.add(article.getArticleId());
                pipeline.send(article);
            }
            Pipeline.Outcomes outcomes = awaitOutcomes(pipeline, ids.size());
            Duration resumed = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.printf(
                    "failover: survivor owned every task %d ms after kill -9; 30 more articles through %d ms after it%n",
                    failover.toMillis(), resumed.toMillis());

            assertThat(second.process.isAlive()).isTrue();
            assertThat(failover).isLessThanOrEqualTo(FAILOVER_TARGET);
            assertThat(outcomes.perArticle()).containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count)
                    .as("outcomes of " + id)
                    .isEqualTo(1));
            pipeline.assertAuditClean();
        }
    }

    @Test
    void withTwoInstancesEveryStatefulTaskHasAWarmStandbyOnTheOtherByDefault() throws Exception {
        try (Pipeline pipeline = Pipeline.start(RealInfrastructure.registry().confluentApiUrl(), work)) {
            KafkaStreams a = pipeline.startInProcess("a", Map.of());
            KafkaStreams b = pipeline.startInProcess("b", Map.of());
            // A standby of a task is never on the instance running it: with two instances, the standbys of one are
            // active tasks of the other. Polled, because the assignment settles over a probing rebalance or two.
            await("tasks spread over both instances, each stateful one with a standby on the other")
                    .atMost(Pipeline.PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertThat(a.state()).isEqualTo(KafkaStreams.State.RUNNING);
                        assertThat(b.state()).isEqualTo(KafkaStreams.State.RUNNING);
                        assertThat(tasks(a, true)).isNotEmpty();
                        assertThat(tasks(b, true)).isNotEmpty();
                        assertThat(tasks(b, false)).containsAll(tasks(a, true));
                        assertThat(tasks(a, false)).containsAll(tasks(b, true));
                    });
        }
    }

    private static Set<TaskId> tasks(KafkaStreams streams, boolean standby) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> (standby ? thread.standbyTasks() : thread.activeTasks()).stream())
                .map(TaskMetadata::taskId)
                .collect(Collectors.toSet());
    }

    private static ConsumerGroupDescription group(Pipeline pipeline) throws Exception {
        return pipeline.admin()
                .describeConsumerGroups(List.of(pipeline.applicationId))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(pipeline.applicationId);
    }

    private static Set<TopicPartition> rawPartitions(java.util.Collection<MemberDescription> members) {
        return members.stream()
                .flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(Topics.RAW_ARTICLES))
                .collect(Collectors.toSet());
    }

    /** Whether a group member is a consumer of the given instance (its client id starts with the instance's). */
    private static boolean isOf(Pipeline pipeline, MemberDescription member, Pipeline.ChildApp child) {
        return member.clientId().startsWith(pipeline.clientIdOf(child.instance) + "-");
    }

    private static Pipeline.Outcomes awaitOutcomes(Pipeline pipeline, int expected) {
        await("at least " + expected + " outcomes")
                .atMost(Pipeline.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.outcomes().count() >= expected);
        return pipeline.outcomes();
    }
}
