package org.readerpass.adminui.archfixture.cycle.left;

import org.readerpass.adminui.archfixture.cycle.right.RightFeature;

/** A deliberate violation (no package cycles): {@code left} uses {@code right}, which uses {@code left}. */
public class LeftFeature {

	public RightFeature right() {
		return new RightFeature();
	}

}
