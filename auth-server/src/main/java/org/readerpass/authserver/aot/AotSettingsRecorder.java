package org.readerpass.authserver.aot;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * At build time, in Spring's ahead-of-time processing: records the {@link AotSettings} the bean
 * definitions were made with, as the resource {@link AotSettings#RESOURCE}. Registered in
 * {@code META-INF/spring/aot.factories}; never instantiated at run time. Processes the application's
 * context only, not its children (the management server's), which share its environment.
 */
class AotSettingsRecorder implements BeanFactoryInitializationAotProcessor {

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getParentBeanFactory() != null) {
			return null; // a child context (the management server's): the application's context records them
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		String recorded = AotSettings.of(environment).write();
		return (generationContext, code) -> generationContext.getGeneratedFiles()
			.addResourceFile(AotSettings.RESOURCE, recorded);
	}

}
