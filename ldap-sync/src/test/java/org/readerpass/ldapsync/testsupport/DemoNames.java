package org.readerpass.ldapsync.testsupport;

import java.util.Random;

/** Chinese names, with pinyin for e-mail addresses: common surnames, given names by generation. */
final class DemoNames {

	private static final String[][] SURNAMES = { { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" },
			{ "陈", "chen" }, { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" }, { "吴", "wu" }, { "周", "zhou" },
			{ "徐", "xu" }, { "孙", "sun" }, { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" }, { "郭", "guo" },
			{ "何", "he" }, { "林", "lin" }, { "高", "gao" }, { "罗", "luo" }, { "郑", "zheng" }, { "梁", "liang" },
			{ "谢", "xie" }, { "宋", "song" }, { "唐", "tang" }, { "许", "xu" }, { "韩", "han" }, { "冯", "feng" },
			{ "沈", "shen" }, { "钱", "qian" }, { "蒋", "jiang" }, { "俞", "yu" }, { "金", "jin" }, { "章", "zhang" },
			{ "楼", "lou" }, { "傅", "fu" }, { "鲁", "lu" }, { "邵", "shao" }, { "陆", "lu" }, { "袁", "yuan" } };

	private static final String[][] MODERN_FEMALE = { { "梓涵", "zihan" }, { "欣怡", "xinyi" }, { "诗涵", "shihan" },
			{ "雨桐", "yutong" }, { "一诺", "yinuo" }, { "可馨", "kexin" }, { "语嫣", "yuyan" }, { "思彤", "sitong" },
			{ "若汐", "ruoxi" }, { "子萱", "zixuan" } };

	private static final String[][] MODERN_MALE = { { "宇轩", "yuxuan" }, { "浩然", "haoran" }, { "子豪", "zihao" },
			{ "子墨", "zimo" }, { "浩宇", "haoyu" }, { "俊熙", "junxi" }, { "沐辰", "muchen" }, { "梓睿", "zirui" },
			{ "一鸣", "yiming" }, { "思远", "siyuan" } };

	private static final String[][] ADULT_FEMALE = { { "芳", "fang" }, { "娜", "na" }, { "敏", "min" }, { "静", "jing" },
			{ "丽", "li" }, { "艳", "yan" }, { "娟", "juan" }, { "霞", "xia" }, { "婷", "ting" }, { "雪梅", "xuemei" },
			{ "慧", "hui" }, { "晓燕", "xiaoyan" }, { "丹", "dan" }, { "佳", "jia" } };

	private static final String[][] ADULT_MALE = { { "伟", "wei" }, { "强", "qiang" }, { "磊", "lei" }, { "军", "jun" },
			{ "洋", "yang" }, { "勇", "yong" }, { "杰", "jie" }, { "涛", "tao" }, { "明", "ming" }, { "超", "chao" },
			{ "斌", "bin" }, { "鹏", "peng" }, { "建华", "jianhua" }, { "志刚", "zhigang" } };

	private static final String[][] SENIOR_FEMALE = { { "秀英", "xiuying" }, { "桂英", "guiying" }, { "玉兰", "yulan" },
			{ "淑珍", "shuzhen" }, { "凤英", "fengying" }, { "秀兰", "xiulan" }, { "月娥", "yuee" } };

	private static final String[][] SENIOR_MALE = { { "建国", "jianguo" }, { "国强", "guoqiang" }, { "德华", "dehua" },
			{ "福根", "fugen" }, { "长根", "changgen" }, { "金水", "jinshui" }, { "国平", "guoping" } };

	private DemoNames() {
	}

	/** {name, pinyin} */
	static String[] surname(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)];
	}

	/** {name, pinyin} fitting the reader type's generation. */
	static String[] givenName(Random random, String readerType, boolean female) {
		String[][] names = switch (readerType) {
			case "child", "student" -> female ? MODERN_FEMALE : MODERN_MALE;
			case "senior" -> female ? SENIOR_FEMALE : SENIOR_MALE;
			default -> female ? ADULT_FEMALE : ADULT_MALE;
		};
		return names[random.nextInt(names.length)];
	}

}
