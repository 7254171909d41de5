package org.readerpass.archfixture.cycleb;

import org.readerpass.archfixture.cyclea.CycleA;

/** The other half of a package cycle, on purpose (with {@link CycleA}). Never used. */
public final class CycleB {

	CycleA other;

}
