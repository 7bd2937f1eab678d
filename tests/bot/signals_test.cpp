#include "bot/signals.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

Signals detect(const std::string& text) {
  return detect_signals(text, "", SignalRules::defaults());
}

TEST(Signals, ExplicitRequestForAHuman) {
  for (const char* q : {"转人工", "我要人工客服", "帮我接人工", "找真人聊", "能不能转真人",
                        "给我找个活人", "麻烦接一下人工", "人工客服!", "人工"}) {
    Signals s = detect(q);
    EXPECT_TRUE(s.human_request) << q;
    EXPECT_FALSE(s.anger || s.abuse) << q;
  }
}

TEST(Signals, RequestForAStaffMemberOrTurningTheBotDown) {
  for (const char* q : {"帮我安排个工作人员", "叫一位客服人员来", "别用机器人糊弄我"}) {
    EXPECT_TRUE(detect(q).human_request) << q;
  }
  for (const char* q : {"工作人员会找我要验证码吗", "有人冒充工作人员", "不用安排工作人员了",
                        "机器人回复准确吗"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
}

TEST(Signals, NoRequestWhenNegatedOrOnlyAskingWhoIsThere) {
  for (const char* q : {"不用转人工了", "你是真人吗", "提现多久到账", "客服电话多少",
                        "人工客服几点下班", "人工服务的时间是几点", "你是人工还是机器人",
                        "我现在是在跟真人说话吗", "刚才那个电话是真人来电吗",
                        "现在和我聊的是不是真人"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
  // Asking when a person can be reached requests nothing yet.
  for (const char* q : {"晚上九点找真人客服还来得及吗", "转人工几点上班", "周末找人工什么时候有人",
                        "我白天上班不方便，想晚上下班后联系人工客服，你们客服几点下班？"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
  EXPECT_TRUE(detect("几点了，快转人工").human_request) << "the time word before the phrase";
  EXPECT_TRUE(detect("转人工，我下班前要处理完").human_request) << "the time word in another clause";
  EXPECT_TRUE(detect("我下班了，转人工").human_request) << "the time word in another clause";
  // A request next to the question is still a request.
  EXPECT_TRUE(detect("你是真人吗？我要找真人").human_request);
  EXPECT_TRUE(detect("我想跟真人说").human_request);
}

TEST(Signals, Anger) {
  for (const char* q : {"什么破平台", "破app又闪退", "服务太差了", "你们就是骗子", "骗钱的黑平台"}) {
    Signals s = detect(q);
    EXPECT_TRUE(s.anger) << q;
    EXPECT_FALSE(s.frustration) << q;
  }
  EXPECT_FALSE(detect("提现多久到账!").anger);
  EXPECT_FALSE(detect("谢谢！").anger);
}

// "Is the man who phoned me a swindler?" asks about someone else: no anger,
// the anti-fraud entry answers. Accusing us stays anger.
TEST(Signals, AQuestionAboutSomeoneElseIsNotAnger) {
  for (const char* q : {"打电话给我的那个人是骗子吗",
                        "有人自称你们客服要我的验证码，这是不是骗子？",
                        "对方说是你们的员工，怎么判断是不是骗钱的",
                        "群里的老师说跟着他投稳赚 他是不是忽悠人的",
                        "有个群说是你们平台内部标 骗子吧",
                        "QQ群里的人说你们返利，是不是骗子", "有个微信群拉我投你们的内部标，骗子吧"}) {
    EXPECT_FALSE(detect(q).anger) << q;
  }
  for (const char* q : {"你们平台是不是骗子？钱取不出来", "你们就是骗子", "骗子",
                        "骗子平台还我钱", "有人说你们是骗子", "你们客服打电话要验证码，你们是骗子吗",
                        "那个人是骗子，你们平台也是垃圾"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
}

// Worry about swindlers in general is a question about us, not anger at us;
// the same word aimed at us stays anger.
TEST(Signals, WorryAboutSwindlersInGeneralIsNotAnger) {
  for (const char* q : {"这年头骗子太多了 你们这个平台是正规的吗", "网上骗子那么多 我怎么知道你们可靠",
                        "外头到处都是骗子 我妈想在你们这投点钱 安全不", "我得提防骗子 先问问你们有没有牌照",
                        "现在骗子这么多我有点担心"}) {
    EXPECT_FALSE(detect(q).anger) << q;
  }
  for (const char* q : {"你们跟外头那些骗子一个样", "骗子这么多 你们也是骗子",
                        "你们平台就是骗子 还我钱", "骗子公司"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
}

// Calling us a band of swindlers without the word 骗子 is anger; the same
// words about someone else in a question are not.
TEST(Signals, ABandOfSwindlersIsAnger) {
  for (const char* q : {"你们这帮骗人的家伙", "一群骗人的东西 还我钱", "你们这群骗钱的"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
  for (const char* q : {"群里那帮骗人的家伙说是你们的员工 是真的吗", "有个群里一群骗人的 说是你们的员工 是真的吗"}) {
    EXPECT_FALSE(detect(q).anger) << q;
  }
}

// Impatience is not hostility: the policy still answers a clear question
// asked this way (PolicyTest.ImpatienceWithAClearQuestionIsAnsweredWithAnApology).
TEST(Signals, ImpatienceIsNotAnger) {
  // 气死 / 什么破 tell how the investor feels about the matter, not about us
  // (什么破平台 stays anger).
  for (const char* q : {"怎么还没到账!!!", "还不到账！！！", "钱一直冻着烦死了", "无语，怎么提现啊",
                        "急死了，充值到底多久到", "气死了 提现显示失败 钱多久退回账户",
                        "收不到验证码 试了十几次了 什么破情况", "气死我了，钱呢"}) {
    Signals s = detect(q);
    EXPECT_TRUE(s.frustration) << q;
    EXPECT_FALSE(s.anger) << q;
    EXPECT_TRUE(s.any()) << q;
  }
  EXPECT_FALSE(detect("提现多久到账!").frustration);
  // A reply that missed the question is impatience, not an insult.
  Signals missed = detect("问的是提现 你这回的答非所问");
  EXPECT_TRUE(missed.frustration);
  EXPECT_FALSE(missed.abuse || missed.anger);
}

TEST(Signals, Abuse) {
  for (const char* q : {"你们是傻逼吗", "滚", "SB客服", "废物机器人", "你这机器是不是傻",
                        "跟你说半天 听不懂人话", "你怎么这么笨啊", "你傻吧 我问的是充值"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
  // Investors speaking of themselves insult nobody; asking whether the bot
  // understands is a question about it.
  for (const char* q : {"我是不是傻 密码又忘了", "嗯 我是不是太傻了 被人骗了", "我年纪大了太笨了 不会操作", "你能听懂我说话吗",
                        "人话说得清楚点的客服有吗"}) {
    EXPECT_FALSE(detect(q).abuse) << q;
  }
  EXPECT_FALSE(detect("usb key 怎么用").abuse);  // "sb" inside a word
  // A dismissal as a clause of its own, not inside a word.
  for (const char* q : {"你们这帮人，滚", "别回了 滚吧", "滚滚滚"}) EXPECT_TRUE(detect(q).abuse) << q;
  for (const char* q : {"利滚利怎么算", "页面滚动不了", "收益是滚进本金吗"}) EXPECT_FALSE(detect(q).abuse) << q;
  EXPECT_FALSE(detect("收益怎么算").abuse);
}

TEST(Signals, AbuseInHomophones) {
  // Swearing typed as homophones is still swearing; numbness is not.
  for (const char* q : {"客服你麻痹 能不能快点", "马勒戈壁的 又扣我钱", "妈卖批 提现还不到"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
  for (const char* q : {"投资不能麻痹大意吧", "手麻痹了打字慢 见谅"}) EXPECT_FALSE(detect(q).abuse) << q;
}

TEST(Signals, MoralOutrageIsAnger) {
  for (const char* q : {"一直扣不了款 好收我滞纳金 你们这么做太无耻了", "黑心平台 利息这么高", "你们太过分了"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
  EXPECT_FALSE(detect("投资太过分散了收益会不会低").anger);
}

TEST(Signals, WrittenOathsAreAbuse) {
  for (const char* q : {"不借就别发短信过来艹", "卧槽 提现又失败", "什么操蛋的审核", "二逼客服"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
  // 我操作 is an investor doing something, not an oath.
  for (const char* q : {"我操作了三次都提现失败", "草稿箱里的申请还在吗"}) EXPECT_FALSE(detect(q).abuse) << q;
}

// "我妈的账户" speaks of the investor's mother; "他妈的" swears.
TEST(Signals, SomeonesMotherIsNoExpletive) {
  for (const char* q : {"我妈的账户能不能用我手机号注册", "咱妈的养老金能放这吗",
                        "那我妈的账号呢 她也是昨天充的", "俺妈的卡丢了咋办", "这张卡是我妈的",
                        "可以登录我妈的账号用她的余额投标吗", "她妈的身份证能用来开户吗",
                        "我帮他妈妈注册了账户 收益怎么算", "我妈妈的手机号换了",
                        "我孙子今年考高中 他妈让我问问 报哪个学校好"}) {
    EXPECT_FALSE(detect(q).abuse) << q;
  }
  // The expletive, bare or after a person, stays an insult, whatever follows;
  // "你妈的" at us is an insult.
  for (const char* q : {"妈的，又登不上", "他妈的什么破平台", "你妈的", "去你妈的 什么破玩意",
                        "你他妈的到底能不能回答", "我他妈的钱什么时候到", "他妈的账户又被冻结了",
                        "你妈的账户怎么又登不上", "你他妈让我等多久", "我他妈让你转人工",
                        "她妈的", "我妈的账户你们这帮傻逼给冻了"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
  SignalRules rules = SignalRules::defaults();
  rules.kin.clear();
  EXPECT_TRUE(detect_signals("我妈的账户能不能用我手机号注册", "", rules).abuse);
}

TEST(Signals, NormalizedTextIsMatchedToo) {
  // Traditional characters arrive simplified in the normalised text.
  Signals s = detect_signals("轉人工", "转人工", SignalRules::defaults());
  EXPECT_TRUE(s.human_request);
}

TEST(Signals, RulesAreData) {
  SignalRules rules;
  rules.human = {"叫你们经理"};
  rules.exclamation_run = 0;
  EXPECT_TRUE(detect_signals("叫你们经理来", "", rules).human_request);
  EXPECT_FALSE(detect_signals("转人工", "", rules).human_request);
  EXPECT_FALSE(detect_signals("啊!!!!!!", "", rules).frustration);
  EXPECT_FALSE(detect_signals("好了，滚", "", rules).abuse);
  rules.abuse_clauses = {"走开"};
  EXPECT_TRUE(detect_signals("好了，走开", "", rules).abuse);
}

// Rules are matched as they are against the lower-cased text: an operator's
// phrase typed with capitals matches once lower_case_phrases has run (as it
// does when settings are loaded).
TEST(Signals, OperatorPhrasesAreLowerCasedOnce) {
  SignalRules rules;
  rules.human = {"找VIP经理"};
  rules.exclamation_run = 0;
  EXPECT_FALSE(detect_signals("我要找VIP经理", "", rules).human_request);
  lower_case_phrases(rules);
  EXPECT_EQ(rules.human.front(), "找vip经理");
  EXPECT_TRUE(detect_signals("我要找VIP经理", "", rules).human_request);
  EXPECT_FALSE(detect_signals("VIP经理是谁", "", rules).human_request);
}

// Asking for someone above the desk is asking for a person; naming them in
// a story is not.
TEST(Signals, AskingForAManagerIsAskingForAHuman) {
  for (const char* q : {"我要找你们领导", "叫你们经理来跟我说", "让你们主管出来", "能不能让你们负责的人联系我",
                        "能安排一个客服专员跟我对接吗"}) {
    EXPECT_TRUE(detect(q).human_request) << q;
  }
  for (const char* q : {"你们经理说过可以提前还款", "借款人的领导知道吗"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
}

TEST(Signals, AbbreviatedAndMaskedSwearingIsAbuse) {
  for (const char* q : {"f**k you", "cnm 你们这破app", "去你m的 什么狗屁平台", "mdzz 说了半天跟没说一样",
                        "你tm听得懂人话吗 傻X"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
}

// Swearing with 娘 for 妈, or in its softened spellings, is abuse even when a
// question follows; a mother-in-law, a bride or a girl named is none.
TEST(Signals, SwearingWithNiangAndSoftenedSpellingsIsAbuse) {
  for (const char* q : {"他娘的，借款怎么还没批", "你娘的 怎么又扣我钱", "去你娘的破系统",
                        "特么的密码又错了", "他喵的 提现到底什么时候到", "妈了个巴子 又登不上"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
  for (const char* q : {"我丈母娘的账户能开吗", "新娘的礼金能存进来吗", "小姑娘的身份证能注册吗",
                        "特别是提现么", "我娘的养老金能放这吗"}) {
    EXPECT_FALSE(detect(q).abuse) << q;
  }
}

// "Not a complaint, just a question" complains of nothing; 是不是 asks.
TEST(Signals, ANegatedComplaintIsNone) {
  EXPECT_FALSE(detect("我不是要投诉 就想问下提现收不收手续费").complaint);
  EXPECT_FALSE(detect("不是投诉 就是给你们提个改进建议").complaint);
  EXPECT_TRUE(detect("我要投诉你们").complaint);
  EXPECT_TRUE(detect("你们平台是不是骗子").anger) << "是不是 negates nothing";
}

// Reporting a swindler (after a warning about fake staff) is the investor's
// case against someone else: no complaint about us, no anger. Reporting us
// still is a complaint.
TEST(Signals, ReportingSomeoneElseIsNoComplaint) {
  for (const char* q : {"怎么举报他", "怎么举报这个骗子", "我想举报那个假客服", "去哪举报诈骗"}) {
    EXPECT_FALSE(detect(q).complaint) << q;
    EXPECT_FALSE(detect(q).anger) << q;
  }
  for (const char* q : {"我要举报你们", "我要去银保监会举报你们平台", "举报你们这个骗子平台"}) {
    EXPECT_TRUE(detect(q).complaint) << q;
  }
}

// A borrower asking what legal action follows an unpaid debt (起诉我, 律师函)
// complains of nothing; suing us still is a complaint.
TEST(Signals, LegalActionAgainstTheAskerIsNoComplaint) {
  for (const char* q : {"还不上会被起诉吗", "逾期了你们会不会起诉我", "会给我发律师函吗", "收到律师函了怎么办"}) {
    EXPECT_FALSE(detect(q).complaint) << q;
  }
  for (const char* q : {"我要起诉你们", "再不退钱我就去法院起诉你们平台"}) {
    EXPECT_TRUE(detect(q).complaint) << q;
  }
}

// Taking us or our staff higher up, a grievance about staff, and insults
// without swear words; controls: the same words in other senses.
TEST(Signals, ComplaintsAboutStaffAndInsultsWithoutSwearWords) {
  for (const char* q : {"再不处理我就去告你们", "那个客服说话太冲 我要把她告上去", "你们工作人员的问题谁来管",
                        "客服态度太差了 电话里直接挂我"}) {
    EXPECT_TRUE(detect(q).complaint) << q;
  }
  for (const char* q : {"告诉我提现多久到账", "我想了解一下员工持股的事", "客服几点上班", "你们客服态度挺好的"}) {
    EXPECT_FALSE(detect(q).complaint) << q;
  }
  for (const char* q : {"你们客服都是吃干饭的吗", "一帮饭桶 问啥都不会"}) EXPECT_TRUE(detect(q).abuse) << q;
  for (const char* q : {"吃饭的时候能提现吗", "饭卡怎么充值"}) EXPECT_FALSE(detect(q).abuse) << q;
  EXPECT_TRUE(detect("这服务烂透了").anger);
  EXPECT_FALSE(detect("透明度怎么样").anger);
}

TEST(Signals, SwindlersTheMoneyIsLentToOrAskedAboutInCantoneseAreNoAnger) {
  EXPECT_FALSE(detect("风控是怎么做的 会不会把钱借给骗子").anger);
  EXPECT_FALSE(detect("有人打电话问我要验证码,系咪骗子").anger);
}


// Asking to talk to a person directly is a request; telling what someone
// said or a talk that took place is not.
TEST(Signals, TalkingToAPersonDirectlyIsARequest) {
  const SignalDetector detector(SignalRules::defaults());
  for (const char* q : {"我要跟你们工作人员直接说", "让我和人工客服沟通", "我想同你们的工作人员谈"}) {
    EXPECT_TRUE(detect(q).human_request) << q;
    EXPECT_TRUE(detector.detect(q, "").human_request) << q;
  }
  for (const char* q : {"你们宣传的和工作人员说的不一样", "我已经跟人工说过了，还是没解决也不用再转",
                        "工作人员说可以提前还款", "跟人工客服沟通要几点以后"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
    EXPECT_FALSE(detector.detect(q, "").human_request) << q;
  }
}

// 转入工 is 转人工 typed with 入 for 人, as a clause of its own; inside a word
// (转入工资卡, 转入工行) it is a transfer.
TEST(Signals, ASlipForTheHumanRequestAsAClauseIsARequest) {
  for (const char* q : {"转入工", "帮我转入工", "提现没到账，转入工", "入工客服"}) {
    EXPECT_TRUE(detect(q).human_request) << q;
  }
  for (const char* q : {"钱能转入工资卡吗", "提现可以转入工行卡吗", "转入工商银行要多久"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
}

// The investor's own shortcomings are no anger at us; the same words aimed
// at us stay anger.
TEST(Signals, OwnShortcomingsAreNoAnger) {
  for (const char* q : {"交易密码忘了 哈哈我记性太差了", "我征信太差了能借款吗", "我这网速太差了，页面打不开"}) {
    EXPECT_FALSE(detect(q).anger) << q;
  }
  for (const char* q : {"你们服务太差了", "这app太差了", "记性差就算了，你们客服也太差了"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
}

// English insults, masked or not, are abuse; words that hold the letters
// are not.
TEST(Signals, EnglishInsultsAreAbuse) {
  const SignalDetector detector(SignalRules::defaults());
  for (const char* q : {"this is f***ing useless, you idiots", "you are an idiot", "stupid bot", "WTF is this"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
    EXPECT_TRUE(detector.detect(q, "").abuse) << q;
  }
  for (const char* q : {"idiotproof setup?", "how do I withdraw", "is my money safe"}) {
    EXPECT_FALSE(detect(q).abuse) << q;
    EXPECT_FALSE(detector.detect(q, "").abuse) << q;
  }
}

// Threats to take the matter to the consumer hotline, an authority, the
// courts or the press are complaints; the authority named for its own
// service is not.
TEST(Signals, ThreatsToReportAreComplaints) {
  for (const char* q : {"再不给我解决我就打12315了", "已经找了消协 你们看着办", "我只能走法律途径了",
                        "这事我会找媒体", "我会向人民银行反映这个问题", "我去派出所报案"}) {
    EXPECT_TRUE(detect(q).complaint) << q;
  }
  for (const char* q : {"去人民银行打征信报告要带什么", "你们的存管银行是哪家", "提现多久到账",
                        "媒体报道过你们平台吗"}) {
    EXPECT_FALSE(detect(q).complaint) << q;
  }
}

// Asking for a person in roundabout ways, in Cantonese and in English; a
// question whether one is there is no request.
TEST(Signals, RoundaboutAsksForAPersonAreRequests) {
  for (const char* q : {"麻烦安排一位同事跟我对接一下", "请帮我接通你们的工作人员", "你们后台有人吗 叫一个出来",
                        "唔该帮我搵个真人客服", "can I speak to a real person please", "I want to talk to a human"}) {
    EXPECT_TRUE(detect(q).human_request) << q;
  }
  for (const char* q : {"are you a real person?", "is this a real person or a bot", "我同事也想注册", "邀请同事注册有奖励没",
                        "how do I withdraw"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
}

// Patience at its end and the charge of carelessness are anger without a
// swear word; the same words about oneself or asked plainly are not.
TEST(Signals, AngerWithoutSwearWords) {
  for (const char* q : {"你们到底还管不管了 我已经忍到极限了", "你们能不能有点责任心", "你哋搞乜鬼 成日都系咁",
                        "this is ridiculous, your service is useless"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
  for (const char* q : {"我要搞咩先可以提现", "借款人有没有责任", "极限是多少 单日最多提多少"}) {
    EXPECT_FALSE(detect(q).anger) << q;
  }
}

// Handed on to someone or someone above, in English; staff asked to call
// back; anger in English superlatives and 火大. Look-alikes ask about money
// transfers, the service hours or the app's worst case.
TEST(Signals, EnglishHandOnsCallBacksAndSuperlatives) {
  for (const char* q : {"can you transfer me to someone who can actually help", "let me talk to your manager",
                        "请让客服人员打电话给我", "麻烦工作人员联系我"}) {
    EXPECT_TRUE(detect(q).human_request) << q;
  }
  for (const char* q : {"can i transfer money to someone else", "客服人员几点上班", "how do i transfer money to my bank card"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
  for (const char* q : {"what a joke of a company, worst app ever", "我真的火大了 一个问题问了半天没人管"}) {
    EXPECT_TRUE(detect(q).anger) << q;
  }
  for (const char* q : {"what is the worst case if a borrower defaults", "平台会不会跑路"}) {
    EXPECT_FALSE(detect(q).anger) << q;
  }
}

// The engine's compiled detector answers as detect_signals does.
TEST(Signals, DetectorAgreesWithDetectSignals) {
  const SignalRules rules = SignalRules::defaults();
  const SignalDetector detector(rules);
  for (const char* q : {"转人工", "不用转人工", "帮我转一下人工客服", "人工客服几点上班", "我下班了，转人工",
                        "我现在是在跟真人说话吗", "叫你们经理来", "你是傻逼吗", "我是不是傻", "sb",
                        "usbkey怎么用", "妈的，又登不上", "我妈的账户能不能注册", "你们是骗子吧",
                        "那个自称客服的人是骗子吗", "烦死了!!!", "投诉你们", "好了，滚", "", "提现多久到账"}) {
    const Signals a = detect_signals(q, q, rules);
    const Signals b = detector.detect(q, q);
    EXPECT_EQ(a.human_request, b.human_request) << q;
    EXPECT_EQ(a.abuse, b.abuse) << q;
    EXPECT_EQ(a.anger, b.anger) << q;
    EXPECT_EQ(a.complaint, b.complaint) << q;
    EXPECT_EQ(a.frustration, b.frustration) << q;
  }
  EXPECT_TRUE(detector.detect("帮我转人工", "").human_request);
  EXPECT_FALSE(detector.detect("不用转人工", "").human_request);
  EXPECT_TRUE(detector.detect("你是傻逼吗", "").abuse);
  EXPECT_FALSE(detector.detect("我是不是傻", "").abuse);
}

}  // namespace
}  // namespace faqbot::bot
