package org.readerpass.authserver.network;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.readerpass.policy.network.IpRange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The library network ({@code readerpass.network}): its id (used in entitlement URNs) and
 * its libraries with their on-site IP ranges.
 *
 * @param id the network id, e.g. {@code zj}
 * @param libraries every library of the network
 * @param zones named network zones (e.g. a whole city's address plan) that grants can name
 * @param trustedProxies reverse proxies whose {@code Forwarded} / {@code X-Forwarded-For}
 * headers are believed (see {@link ClientAddresses}); empty: the connection's peer is the client
 * @param onSiteEvidenceLifetime how long the reader's address seen at sign-in counts as evidence
 * for on-site entitlements in refreshed tokens (default 8 hours); older, refreshed tokens carry
 * none until the reader comes through the authorization endpoint again
 */
@Validated
@ConfigurationProperties("readerpass.network")
public record NetworkProperties(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String id,
		@NotEmpty List<@Valid LibraryEntry> libraries, List<@Valid ZoneEntry> zones, List<IpRange> trustedProxies,
		@NotNull @DefaultValue("8h") Duration onSiteEvidenceLifetime) {

	public NetworkProperties {
		zones = (zones != null) ? List.copyOf(zones) : List.of();
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

	/**
	 * A named zone.
	 *
	 * @param name lower-case name, e.g. {@code shaoxing-city}
	 * @param ipRanges its ranges
	 */
	public record ZoneEntry(@NotBlank String name, @NotEmpty List<IpRange> ipRanges) {
	}

	/**
	 * One library.
	 *
	 * @param code dotted code, parent first: {@code zj.sx.zhuji}
	 * @param nameZh Chinese name
	 * @param nameEn English name
	 * @param ipRanges on-site ranges ({@code start-end} or CIDR)
	 */
	public record LibraryEntry(@NotBlank String code, @NotBlank String nameZh, @NotBlank String nameEn,
			List<IpRange> ipRanges) {

		public LibraryEntry {
			ipRanges = (ipRanges != null) ? List.copyOf(ipRanges) : List.of();
		}

	}

}
