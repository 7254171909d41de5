package org.readerpass.ldapsync.testsupport;

import org.readerpass.ldapsync.directory.DirectoryPreset;

/**
 * The nine libraries of the demo network and their embedded directories: suffix
 * {@code dc=<last code segment>,dc=lib,dc=zj,dc=cn} (Active Directory: upper-case {@code DC=}),
 * readers under {@code ou=readers} (AD: {@code CN=Users}), sync user
 * {@code cn=readerpass-sync,<suffix>} with password {@value #SYNC_PASSWORD}.
 */
public enum DemoLibrary {

	ZJ("zj", DirectoryPreset.OPENLDAP, "ZJ", "浙江图书馆", "330106"),
	SX("zj.sx", DirectoryPreset.ACTIVE_DIRECTORY, "SX", "绍兴图书馆", "330602"),
	ZHUJI("zj.sx.zhuji", DirectoryPreset.OPENLDAP, "ZH", "诸暨市图书馆", "330681"),
	SHANGYU("zj.sx.shangyu", DirectoryPreset.OPENLDAP, "SY", "绍兴市上虞区图书馆", "330604"),
	SHENGZHOU("zj.sx.shengzhou", DirectoryPreset.ACTIVE_DIRECTORY, "SZ", "嵊州市图书馆", "330683"),
	KEQIAO("zj.sx.keqiao", DirectoryPreset.OPENLDAP, "KQ", "绍兴市柯桥区图书馆", "330603"),
	XINCHANG("zj.sx.xinchang", DirectoryPreset.OPENLDAP, "XC", "新昌县图书馆", "330624"),
	YUECHENG("zj.sx.yuecheng", DirectoryPreset.ACTIVE_DIRECTORY, "YC", "绍兴市越城区图书馆", "330602"),
	JINGHU("zj.sx.jinghu", DirectoryPreset.OPENLDAP, "JH", "绍兴市镜湖新区图书馆", "330602");

	/** Password of every demo directory's sync user (demo only). */
	public static final String SYNC_PASSWORD = "sync-secret";

	private final String code;

	private final DirectoryPreset preset;

	private final String cardPrefix;

	private final String name;

	private final String areaCode;

	DemoLibrary(String code, DirectoryPreset preset, String cardPrefix, String name, String areaCode) {
		this.code = code;
		this.preset = preset;
		this.cardPrefix = cardPrefix;
		this.name = name;
		this.areaCode = areaCode;
	}

	public static DemoLibrary of(String code) {
		for (DemoLibrary library : values()) {
			if (library.code.equals(code)) {
				return library;
			}
		}
		throw new IllegalArgumentException("not a demo library: " + code);
	}

	public String code() {
		return this.code;
	}

	public DirectoryPreset preset() {
		return this.preset;
	}

	public boolean isActiveDirectory() {
		return this.preset == DirectoryPreset.ACTIVE_DIRECTORY;
	}

	public String cardPrefix() {
		return this.cardPrefix;
	}

	/** The library's name in Chinese (the directory's {@code o} / description). */
	public String displayName() {
		return this.name;
	}

	/** GB/T 2260 code of the library's county, for its readers' resident ID numbers. */
	String areaCode() {
		return this.areaCode;
	}

	/** The last segment of the code: {@code zhuji} for {@code zj.sx.zhuji}. */
	public String segment() {
		return this.code.substring(this.code.lastIndexOf('.') + 1);
	}

	/** e.g. {@code dc=zhuji,dc=lib,dc=zj,dc=cn} or {@code DC=sx,DC=lib,DC=zj,DC=cn}. */
	public String suffix() {
		String dc = isActiveDirectory() ? "DC=" : "dc=";
		return dc + segment() + "," + dc + "lib," + dc + "zj," + dc + "cn";
	}

	/** Where the readers are: {@code ou=readers,<suffix>} or {@code CN=Users,<suffix>}. */
	public String baseDn() {
		return (isActiveDirectory() ? "CN=Users," : "ou=readers,") + suffix();
	}

	public String syncBindDn() {
		return (isActiveDirectory() ? "CN=readerpass-sync," : "cn=readerpass-sync,") + suffix();
	}

	/** The DNS-style domain: {@code zhuji.lib.zj.cn}. */
	public String domain() {
		return segment() + ".lib.zj.cn";
	}

	/** Classpath location of the LDIF, as the configuration names it. */
	public String ldifLocation() {
		return "classpath:demo/directories/" + this.code + ".ldif";
	}

}
