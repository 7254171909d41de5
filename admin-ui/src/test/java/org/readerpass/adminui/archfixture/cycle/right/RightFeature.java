package org.readerpass.adminui.archfixture.cycle.right;

import org.readerpass.adminui.archfixture.cycle.left.LeftFeature;

/** The other half of {@link LeftFeature}'s cycle. */
public class RightFeature {

	public LeftFeature left() {
		return new LeftFeature();
	}

}
