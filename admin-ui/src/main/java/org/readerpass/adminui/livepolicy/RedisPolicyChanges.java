package org.readerpass.adminui.livepolicy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Policy changes across nodes through Redis pub/sub: {@link #publish()} refreshes this node at
 * once (so the admin API's answer already holds on it) and tells every other node on the channel,
 * which refresh as the message arrives (milliseconds). A node that misses a message — Redis down,
 * a network split — still catches up through the live policy's revision poll.
 */
public final class RedisPolicyChanges implements PolicyChanges, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisPolicyChanges.class);

	private final LocalPolicyChanges local = new LocalPolicyChanges();

	private final String node = UUID.randomUUID().toString();

	private final StringRedisTemplate redis;

	private final String channel;

	private final RedisMessageListenerContainer container;

	public RedisPolicyChanges(RedisConnectionFactory connections, String channel) {
		this.channel = channel;
		this.redis = new StringRedisTemplate(connections);
		this.redis.afterPropertiesSet();
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(connections);
		this.container.addMessageListener((message, pattern) -> {
			String from = new String(message.getBody(), StandardCharsets.UTF_8);
			if (!this.node.equals(from)) {
				this.local.publish();
			}
		}, new ChannelTopic(channel));
		this.container.afterPropertiesSet();
		this.container.start();
	}

	@Override
	public void publish() {
		this.local.publish();
		try {
			this.redis.convertAndSend(this.channel, this.node);
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce a policy change on Redis channel={}; other nodes catch up by polling",
					this.channel, ex);
		}
	}

	@Override
	public void subscribe(Runnable listener) {
		this.local.subscribe(listener);
	}

	@Override
	public void destroy() throws Exception {
		this.container.destroy();
	}

}
