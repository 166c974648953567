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
