package org.readerpass.policy.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.readerpass.policy.reader.VerificationLevel;

/**
 * When a grant applies. The validity window is half-open, {@code [validFrom, validUntil)}, as
 * JWT's {@code nbf}/{@code exp}: valid at {@code validFrom}, no longer valid at
 * {@code validUntil}. A missing bound is unbounded. (An admin who means "until 31 December
 * inclusive" stores the start of 1 January in the province's time zone.)
 *
 * @param validFrom first instant of validity, or {@code null}
 * @param validUntil first instant of no longer being valid, or {@code null}; after
 * {@code validFrom}
 * @param network where the reader must be ({@code null}: anywhere)
 * @param minimumVerification the reader's verification level must be at least this
 * ({@code null}: {@link VerificationLevel#NONE})
 */
public record Conditions(Instant validFrom, Instant validUntil, NetworkCondition network,
		VerificationLevel minimumVerification) {

	/** Always, anywhere, any verification level. */
	public static final Conditions NONE = new Conditions(null, null, null, null);

	public Conditions {
		if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
			throw new IllegalArgumentException(
					"validity window [" + validFrom + ", " + validUntil + ") is empty: validFrom must be before validUntil");
		}
		network = (network != null) ? network : NetworkCondition.anywhere();
		minimumVerification = (minimumVerification != null) ? minimumVerification : VerificationLevel.NONE;
	}

	public Conditions withValidFrom(Instant validFrom) {
		return new Conditions(validFrom, this.validUntil, this.network, this.minimumVerification);
	}

	public Conditions withValidUntil(Instant validUntil) {
		return new Conditions(this.validFrom, validUntil, this.network, this.minimumVerification);
	}

	public Conditions withNetwork(NetworkCondition network) {
		return new Conditions(this.validFrom, this.validUntil, network, this.minimumVerification);
	}

	public Conditions withMinimumVerification(VerificationLevel minimumVerification) {
		return new Conditions(this.validFrom, this.validUntil, this.network, minimumVerification);
	}

	/** Not yet valid at {@code at}. */
	public boolean isBefore(Instant at) {
		return this.validFrom != null && at.isBefore(this.validFrom);
	}

	/** No longer valid at {@code at}. */
	public boolean isExpiredAt(Instant at) {
		return this.validUntil != null && !at.isBefore(this.validUntil);
	}

	public String describe() {
		List<String> parts = new ArrayList<>();
		if (this.validFrom != null || this.validUntil != null) {
			parts.add("valid [" + ((this.validFrom != null) ? this.validFrom : "-") + ", "
					+ ((this.validUntil != null) ? this.validUntil : "-") + ")");
		}
		if (this.network.needsAddress()) {
			parts.add(this.network.describe());
		}
		if (this.minimumVerification != VerificationLevel.NONE) {
			parts.add("verified " + this.minimumVerification.code());
		}
		return parts.isEmpty() ? "always" : String.join(", ", parts);
	}

}
