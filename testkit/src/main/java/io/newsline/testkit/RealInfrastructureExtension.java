package io.newsline.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared {@link RealInfrastructure} (Kafka and the schema registry, in parallel) before a test
 * class's first test, and injects {@link KafkaTestCluster} and {@link ApicurioRegistry} parameters into its
 * constructors, test methods and lifecycle methods. Usually applied through {@link WithRealKafkaAndRegistry}.
 */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        RealInfrastructure.startAll();
        // Stop everything when the whole test plan is done, while the JVM is still healthy: stopping a broker
        // from a JVM shutdown hook races the rest of the shutdown, and a failed fork exit fails the build.
        // The shutdown hook stays as the fallback for a JVM that ends some other way.
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RealInfrastructure.class.getName() + ".stopper", key ->
                        (ExtensionContext.Store.CloseableResource) RealInfrastructure::stopAll);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == KafkaTestCluster.class || type == ApicurioRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaTestCluster.class
                ? RealInfrastructure.kafka()
                : RealInfrastructure.registry();
    }
}
