package io.brushguard.sim;

import java.util.List;

/**
 * What the simulated shops sell: categories with their search words, price and parcel-weight
 * ranges, and the things buyers say about them. Review texts and listings are assembled from these
 * fragments by {@link Texts}.
 */
final class Catalog {
  private Catalog() {}

  /**
   * One category.
   *
   * @param name Chinese name (listing titles)
   * @param english English noun (English reviews)
   * @param heads head search terms
   * @param modifiers words buyers add to a search (long-tail queries stack several)
   * @param minPrice cheapest item, fen
   * @param maxPrice dearest item, fen
   * @param minWeight lightest parcel content, grams
   * @param maxWeight heaviest, grams
   * @param praise what a satisfied buyer says (Chinese)
   * @param complaints what an unhappy buyer says (Chinese)
   * @param praiseEn what a satisfied buyer says (English)
   * @param complaintsEn what an unhappy buyer says (English)
   * @param share relative share of the market's shops and traffic
   * @param restock bought again and again (milk powder, pet food, tea)
   */
  record Category(
      String name,
      String english,
      String[] heads,
      String[] modifiers,
      int minPrice,
      int maxPrice,
      int minWeight,
      int maxWeight,
      String[] praise,
      String[] complaints,
      String[] praiseEn,
      String[] complaintsEn,
      double share,
      boolean restock) {}

  static final List<Category> CATEGORIES =
      List.of(
          new Category(
              "保温杯",
              "vacuum flask",
              new String[] {"保温杯", "水杯", "焖烧杯", "儿童水杯"},
              new String[] {"316不锈钢", "大容量", "男士", "女生", "车载", "便携", "1000ml", "带茶隔", "高颜值", "学生"},
              2900,
              15900,
              280,
              650,
              new String[] {
                "保温效果不错，早上灌的热水到下午还烫嘴", "杯盖拧得很紧，放包里一点没漏", "内胆没有异味，洗一遍就能用",
                "拿在手里分量足，做工挺扎实", "颜色比图片好看，磨砂手感舒服", "茶隔很实用，泡枸杞方便"
              },
              new String[] {"保温不到三个小时就凉了", "杯盖有点漏水，包都湿了", "有一股塑料味，洗了好几次还在", "杯身有划痕，像是退货的"},
              new String[] {
                "Keeps my tea hot all morning",
                "The lid seals well, no leaks in my bag",
                "No plastic smell at all"
              },
              new String[] {"Stopped keeping drinks warm after a week", "The lid leaks"},
              1.0,
              false),
          new Category(
              "连衣裙",
              "dress",
              new String[] {"连衣裙", "碎花裙", "长裙", "半身裙"},
              new String[] {"夏季", "法式", "收腰", "显瘦", "雪纺", "中长款", "小个子", "新款", "气质", "宽松"},
              5900,
              39900,
              200,
              500,
              new String[] {
                "面料垂感很好，穿上很显瘦",
                "尺码标准，按平时的码数买刚好",
                "颜色很正，没有色差",
                "走线整齐，没有线头",
                "穿去上班同事都问链接",
                "腰线位置刚好，小个子也能穿"
              },
              new String[] {"洗了一次就缩水了", "线头很多，做工粗糙", "颜色和图片差太多", "面料很薄还透"},
              new String[] {
                "Fits true to size and the fabric is lovely", "Colour is exactly as pictured"
              },
              new String[] {"Shrank after one wash", "Loose threads everywhere"},
              1.3,
              false),
          new Category(
              "T恤",
              "T-shirt",
              new String[] {"T恤", "短袖", "纯棉T恤", "polo衫"},
              new String[] {"男", "纯棉", "宽松", "圆领", "白色", "重磅", "潮牌", "大码", "夏季", "情侣"},
              2900,
              12900,
              150,
              400,
              new String[] {"纯棉的很透气，夏天穿舒服", "领口不容易变形", "洗了几次没起球", "版型挺正的，不显胖", "厚度刚好，不透"},
              new String[] {"领口洗一次就松了", "掉色严重，染了别的衣服", "尺码偏小一号"},
              new String[] {"Soft cotton, breathes well", "Collar holds its shape after washing"},
              new String[] {"Runs a size small", "Colour bled in the wash"},
              1.2,
              false),
          new Category(
              "手机壳",
              "phone case",
              new String[] {"手机壳", "数据线", "充电器", "钢化膜"},
              new String[] {"适用苹果15", "防摔", "透明", "磁吸", "快充", "硅胶", "全包", "简约", "华为", "小米"},
              990,
              6900,
              40,
              200,
              new String[] {"孔位都很准，按键手感好", "透明的没有发黄", "磁吸很稳，开车导航也不掉", "充电速度确实快", "手感细腻，不沾指纹"},
              new String[] {"用了一周就发黄了", "充电线接触不良", "孔位对不上", "膜贴上去边缘翘起来"},
              new String[] {"Cutouts line up perfectly", "Charges my phone fast"},
              new String[] {"Turned yellow in a week", "Cable stopped working"},
              1.4,
              false),
          new Category(
              "零食",
              "snacks",
              new String[] {"零食大礼包", "坚果", "牛肉干", "辣条", "饼干"},
              new String[] {"网红", "办公室", "每日坚果", "整箱", "小包装", "独立包装", "孕妇", "解馋", "年货", "低脂"},
              1990,
              9900,
              300,
              2500,
              new String[] {
                "日期很新，都是这个月生产的", "坚果很脆，没有哈喇味", "小包装方便带去公司", "孩子很爱吃，一箱很快吃完了", "味道正宗，辣度刚好"
              },
              new String[] {"有几包漏气了", "离过期只剩一个月", "太咸了吃不下", "分量比图片少很多"},
              new String[] {"Fresh and crunchy", "Great for the office drawer"},
              new String[] {"Several bags had lost their seal", "Close to the expiry date"},
              1.5,
              false),
          new Category(
              "茶叶",
              "tea",
              new String[] {"茶叶", "绿茶", "普洱", "红茶", "乌龙茶"},
              new String[] {"明前", "龙井", "浓香型", "礼盒装", "散装", "2024新茶", "云南", "特级", "口粮茶", "罐装"},
              3900,
              29900,
              150,
              800,
              new String[] {
                "汤色清亮，回甘明显", "香气很足，冲了好几泡还有味", "包装精致，送长辈很有面子", "口感醇厚，是熟悉的味道", "条索完整，碎末很少"
              },
              new String[] {"碎末太多，像是茶叶渣", "味道寡淡，冲一泡就没味了", "有一股陈味"},
              new String[] {"Clear liquor with a sweet aftertaste", "Lovely gift box"},
              new String[] {"Mostly dust and broken leaves", "Tastes stale"},
              0.7,
              true),
          new Category(
              "护肤品",
              "skincare",
              new String[] {"面霜", "精华", "洗面奶", "防晒霜", "面膜"},
              new String[] {"补水", "保湿", "敏感肌", "男士", "控油", "美白", "抗老", "学生党", "清爽", "修护"},
              4900,
              39900,
              100,
              500,
              new String[] {"质地清爽不油腻，吸收很快", "敏感肌用了没有过敏", "用完脸很水润", "味道淡淡的很好闻", "扫码验证是正品"},
              new String[] {"用了之后长痘了", "防伪码查不到，怀疑不是正品", "很油，搓泥严重"},
              new String[] {"Absorbs quickly, no greasy feel", "Gentle on my sensitive skin"},
              new String[] {"Broke me out", "Could not verify it was genuine"},
              1.1,
              false),
          new Category(
              "奶粉",
              "infant formula",
              new String[] {"奶粉", "婴儿奶粉", "纸尿裤", "辅食"},
              new String[] {"1段", "2段", "3段", "进口", "羊奶粉", "有机", "整箱", "拉拉裤", "超薄", "新生儿"},
              9900,
              39900,
              500,
              2400,
              new String[] {"宝宝喝了不上火", "日期新鲜，罐子没有磕碰", "一直喝这个牌子，放心", "冲泡容易溶解，没有结块", "纸尿裤很薄，一晚上不漏"},
              new String[] {"罐子凹了一块", "宝宝喝了拉肚子", "纸尿裤漏尿，红屁屁了"},
              new String[] {"Baby loves it, no tummy trouble", "Tins arrived undamaged"},
              new String[] {"Tin was dented"},
              0.8,
              true),
          new Category(
              "宠物食品",
              "pet food",
              new String[] {"猫粮", "狗粮", "猫砂", "冻干"},
              new String[] {"成猫", "幼猫", "无谷", "10斤", "豆腐猫砂", "鸡肉味", "全价", "小型犬", "鲜肉", "除臭"},
              3900,
              19900,
              1000,
              5000,
              new String[] {"主子很爱吃，每次都吃光", "猫砂结团好，没什么粉尘", "颗粒大小合适", "吃了一个月毛发亮了", "除臭效果挺好"},
              new String[] {"猫吃了软便", "袋子破了撒了一箱", "粉尘太大"},
              new String[] {"My cat finishes every bowl", "Clumps well and low dust"},
              new String[] {"Bag arrived torn", "Dog would not touch it"},
              0.8,
              true),
          new Category(
              "收纳",
              "storage box",
              new String[] {"收纳箱", "收纳盒", "衣架", "置物架"},
              new String[] {"塑料", "大号", "带盖", "可折叠", "衣柜", "桌面", "透明", "加厚", "家用", "免打孔"},
              1590,
              8900,
              300,
              3000,
              new String[] {"加厚的很结实，能叠放", "大小正合适，衣柜整齐多了", "安装简单，五分钟搞定", "没有异味，材质不错"},
              new String[] {"盖子扣不紧", "有裂缝，运输压坏了", "比想象中小很多"},
              new String[] {"Sturdy and stacks well", "Easy to assemble"},
              new String[] {"Arrived cracked"},
              0.9,
              false),
          new Category(
              "运动鞋",
              "sneakers",
              new String[] {"运动鞋", "跑步鞋", "板鞋", "老爹鞋"},
              new String[] {"男", "女", "透气", "轻便", "减震", "网面", "休闲", "学生", "增高", "防滑"},
              9900,
              59900,
              600,
              1200,
              new String[] {"鞋底软，走一天脚不累", "尺码准，按平时穿的买", "很轻，跑步很舒服", "鞋盒完好，鞋面没有瑕疵", "透气性好，不闷脚"},
              new String[] {"鞋底开胶了", "左右脚颜色不一样", "磨脚后跟", "味道很大"},
              new String[] {"Comfortable all day", "Light and breathable"},
              new String[] {"Sole came unglued", "Rubs my heel"},
              1.0,
              false),
          new Category(
              "图书",
              "book",
              new String[] {"图书", "小说", "绘本", "教辅"},
              new String[] {"正版", "儿童", "全套", "中小学", "畅销", "经典", "英文原版", "考研", "漫画", "精装"},
              1990,
              12900,
              300,
              1800,
              new String[] {"正版书，印刷清晰", "纸张很好，没有异味", "包装有塑封，书角没磕", "孩子很喜欢看", "内容很有意思，一口气看完"},
              new String[] {"书角压坏了", "有几页印刷模糊", "怀疑是盗版"},
              new String[] {"Genuine print, crisp pages", "Kids love it"},
              new String[] {"Corners were crushed"},
              0.7,
              false),
          new Category(
              "小家电",
              "small appliance",
              new String[] {"电饭煲", "空气炸锅", "电水壶", "榨汁机", "吹风机"},
              new String[] {"家用", "小型", "智能", "大容量", "不锈钢", "负离子", "便携", "多功能", "静音", "宿舍"},
              9900,
              49900,
              900,
              5500,
              new String[] {"煮饭很香，操作简单", "做鸡翅很好吃，不用放油", "烧水很快，声音不大", "颜值很高，放厨房好看", "风力大，吹头发很快"},
              new String[] {"用了三次就坏了", "内胆涂层掉了", "噪音很大", "插上电没反应"},
              new String[] {"Easy to use and cooks well", "Heats up fast"},
              new String[] {"Broke after three uses", "Very noisy"},
              0.9,
              false),
          new Category(
              "玩具",
              "toy",
              new String[] {"玩具", "积木", "遥控车", "毛绒玩具"},
              new String[] {"儿童", "益智", "男孩", "女孩", "3岁", "6岁", "拼装", "生日礼物", "大号", "早教"},
              1990,
              19900,
              200,
              2000,
              new String[] {"孩子玩得停不下来", "做工精细，没有毛刺", "颜色鲜艳，没有异味", "送给侄子当生日礼物很合适", "零件齐全，拼起来很有成就感"},
              new String[] {"少了几个零件", "有刺鼻的味道", "遥控距离很短"},
              new String[] {"My son plays with it every day", "No sharp edges, good quality"},
              new String[] {"Missing pieces"},
              0.8,
              false),
          new Category(
              "水果",
              "fruit",
              new String[] {"水果", "苹果", "橙子", "车厘子", "芒果"},
              new String[] {"新鲜", "当季", "整箱", "5斤", "产地直发", "脐橙", "红富士", "大果", "现摘", "孕妇"},
              2990,
              15900,
              2500,
              5500,
              new String[] {"很新鲜，个头均匀", "甜度很高，水分足", "包装很用心，一个都没坏", "孩子一天吃好几个", "比超市买的好吃"},
              new String[] {"坏了好几个", "个头比图片小很多", "不甜，有点酸"},
              new String[] {"Fresh and sweet", "Well packed, nothing bruised"},
              new String[] {"Several were rotten"},
              0.9,
              false),
          new Category(
              "五金",
              "hardware",
              new String[] {"保险柜", "电子锁", "工具箱", "螺丝刀套装"},
              new String[] {"家用", "小型", "指纹", "防盗", "入墙", "办公", "多功能", "电动", "全钢", "密码"},
              4900,
              99900,
              800,
              5500,
              new String[] {"很结实，安装师傅说质量不错", "指纹识别很灵敏", "工具很全，家里常用的都有", "密码设置简单"},
              new String[] {"锁芯有点卡", "螺丝滑丝了", "说明书看不懂"},
              new String[] {"Solid build, easy to set up", "Fingerprint reader is quick"},
              new String[] {"Screws stripped on first use"},
              0.5,
              false));
}
