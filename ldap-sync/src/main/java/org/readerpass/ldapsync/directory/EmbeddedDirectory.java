package org.readerpass.ldapsync.directory;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * An embedded directory for one library (the demo): served on 127.0.0.1, seeded from an LDIF.
 *
 * @param ldif the entries, e.g. {@code classpath:demo/directories/zj.ldif}
 * @param port the loopback port, 0 for a free one
 */
public record EmbeddedDirectory(Resource ldif, @DefaultValue("0") int port) {

}
