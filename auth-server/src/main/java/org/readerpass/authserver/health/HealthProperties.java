package org.readerpass.authserver.health;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the health check asks the libraries' directories ({@code readerpass.health}).
 *
 * @param directoryCacheTtl how long a directory's answer is reused: however often health is polled,
 * each node asks each directory at most once per this (default 10 seconds)
 * @param directoryTimeout how long a health request waits for a directory's answer before that
 * library's component is DOWN (default 3 seconds); the check goes on in the background and its
 * answer is used by the next poll
 */
@Validated
@ConfigurationProperties("readerpass.health")
public record HealthProperties(@NotNull @DefaultValue("10s") Duration directoryCacheTtl,
		@NotNull @DefaultValue("3s") Duration directoryTimeout) {

	@AssertTrue(message = "directory-cache-ttl must be between 1s and 10m")
	public boolean isDirectoryCacheTtlInRange() {
		return this.directoryCacheTtl == null || (this.directoryCacheTtl.compareTo(Duration.ofSeconds(1)) >= 0
				&& this.directoryCacheTtl.compareTo(Duration.ofMinutes(10)) <= 0);
	}

	@AssertTrue(message = "directory-timeout must be between 100ms and 30s")
	public boolean isDirectoryTimeoutInRange() {
		return this.directoryTimeout == null || (this.directoryTimeout.compareTo(Duration.ofMillis(100)) >= 0
				&& this.directoryTimeout.compareTo(Duration.ofSeconds(30)) <= 0);
	}

}
