package org.readerpass.testclient;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A stock Spring Boot web app that signs readers in with {@code oauth2Login}, as a library's
 * portal built on Spring Boot would: no code beyond this class, configured only by the issuer URI,
 * client id and secret (see {@code SpringBootClientTests}). Outside ReaderPass's packages, so
 * nothing of the server is scanned into it.
 */
@SpringBootApplication
public class StockClientApp {

}
