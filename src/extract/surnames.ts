/**
 * Chinese surnames (the common single-character ones of 百家姓 and the population registers, and
 * the compound ones), used to check that a personal name starts where we think it does.
 * Internal to `extract`.
 */

// Some surnames (向 时 和 都 方 全 高) also start everyday words; `people.ts` checks what follows a
// name, so a surname alone never makes a name.
const SINGLE =
  '王李张刘陈杨黄赵高习吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';

// prettier-ignore
const COMPOUND = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '钟离', '端木', '西门', '南宫', '独孤', '澹台', '公冶', '申屠', '太史', '闻人', '呼延',
];

const SINGLE_SET = new Set(SINGLE);

/** Length of the surname `name` starts with (2 for 欧阳…, 1 for 王…), or 0 when it starts with none. */
export function surnameLength(name: string): number {
  if (COMPOUND.some((c) => name.startsWith(c))) return 2;
  return SINGLE_SET.has(name[0] ?? '') ? 1 : 0;
}
