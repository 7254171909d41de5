package org.readerpass.authserver.session;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Back-channel logout delivery ({@code readerpass.logout}).
 *
 * @param backchannelAttempts how many times a logout token is sent before the delivery is given up
 * (and audited)
 * @param backchannelBackoff the wait before the first retry; doubled before each further one
 * @param backchannelTimeout how long one delivery may take (connect and answer)
 */
@Validated
@ConfigurationProperties("readerpass.logout")
public record LogoutProperties(@Min(1) @Max(10) @DefaultValue("4") int backchannelAttempts,
		@NotNull @DefaultValue("1s") Duration backchannelBackoff, @NotNull @DefaultValue("5s") Duration backchannelTimeout) {
}
