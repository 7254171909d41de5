/**
 * Deliberate violations of the rules in {@code ArchitectureTests}, one class (or pair) per rule:
 * they prove each rule can fail. Test sources only; never imported with the production classes.
 */
package org.readerpass.adminui.archfixture;
