package org.readerpass.archfixture.cyclea;

import org.readerpass.archfixture.cycleb.CycleB;

/** One half of a package cycle, on purpose (with {@link CycleB}). Never used. */
public final class CycleA {

	CycleB other;

}
