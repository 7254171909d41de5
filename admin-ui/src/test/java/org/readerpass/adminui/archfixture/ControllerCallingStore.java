package org.readerpass.adminui.archfixture;

/** A deliberate violation (stores know no controllers): a store calling up into a controller. */
public class ControllerCallingStore {

	public String read(FixtureController controller) {
		return controller.answer();
	}

}
