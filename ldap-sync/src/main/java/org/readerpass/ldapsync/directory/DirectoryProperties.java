package org.readerpass.ldapsync.directory;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code readerpass.directory}: the libraries' directories ReaderPass syncs readers from and
 * checks passwords against. Every problem is reported at start-up at once, naming the library
 * and the key (see {@link DirectoryPropertiesValidator}).
 *
 * @param identityHmacKey key of the HMAC that stands for resident ID numbers (at least 32
 * characters); changing it unlinks every reader
 * @param zone time zone in which directory timestamps (expiry) become dates
 * @param startupSync whether every library is synced once when the application starts
 * @param libraries one entry per library directory
 */
@ConfigurationProperties("readerpass.directory")
@Validated
@ValidDirectoryProperties
public record DirectoryProperties(Secret identityHmacKey, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("true") boolean startupSync, @DefaultValue List<LibraryDirectory> libraries) {

	public Optional<LibraryDirectory> library(String libraryCode) {
		return this.libraries.stream().filter((library) -> library.library().equals(libraryCode)).findFirst();
	}

}
