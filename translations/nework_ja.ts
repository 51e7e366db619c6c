<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About NeWork</source>
        <extracomment>The policy links About offers, in this order.</extracomment>
        <translation>NeWork について</translation>
    </message>
    <message>
        <source>NeWork Desktop</source>
        <translation>NeWork Desktop</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>バージョン {version}</translation>
    </message>
    <message>
        <source>© {company}. All rights reserved.</source>
        <translation>© {company}. All rights reserved.</translation>
    </message>
    <message>
        <source>The desktop app of NeWork, the video-communication service of NTT Communications. It keeps the promises of its privacy policy in code.</source>
        <translation>NTT コミュニケーションズの映像コミュニケーションサービス NeWork のデスクトップアプリです。プライバシーポリシーの約束をプログラムとして守ります。</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>関連文書</translation>
    </message>
    <message>
        <source>Opens {url} in your web browser</source>
        <translation>{url} を Web ブラウザーで開きます</translation>
    </message>
    <message>
        <source>&amp;Licence notices</source>
        <translation>ライセンス表記(&amp;L)</translation>
    </message>
    <message>
        <source>Licence notices</source>
        <translation>ライセンス表記</translation>
    </message>
    <message>
        <source>The open-source software NeWork Desktop is built from, and its licences</source>
        <translation>NeWork Desktop が利用しているオープンソースソフトウェアとそのライセンス</translation>
    </message>
</context>
<context>
    <name>BrowserPage</name>
    <message>
        <source>Continue in your web browser: sign in with {provider} there, then come back.</source>
        <translation>ウェブブラウザーで {provider} にサインインしてから、この画面に戻ってください。</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>ブラウザーでの操作を待っています</translation>
    </message>
    <message>
        <source>If your browser did not open, copy the link and open it in your browser.</source>
        <translation type="vanished">ブラウザーが開かない場合は、リンクをコピーしてブラウザーで開いてください。</translation>
    </message>
    <message>
        <source>Sign in with {provider}</source>
        <extracomment>How long &quot;Copied&quot; stays on the button.</extracomment>
        <translation>{provider} でサインイン</translation>
    </message>
    <message>
        <source>The sign-in page opens in your web browser. If you do not see it, copy the link and open it there.</source>
        <translation>サインインのページは Web ブラウザーで開きます。表示されない場合は、リンクをコピーしてブラウザーで開いてください。</translation>
    </message>
    <message>
        <source>Link copied. Paste it into your browser&apos;s address bar.</source>
        <translation>リンクをコピーしました。ブラウザーのアドレス欄に貼り付けてください。</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>サインイン用のリンクをコピーします</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>サインインをキャンセル</translation>
    </message>
    <message>
        <source>The browser did not open. Copy the link and open it in your browser.</source>
        <translation>ブラウザーが開きませんでした。リンクをコピーしてブラウザーで開いてください。</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Summary of the changes to the privacy policy since you last agreed</source>
        <translation>前回の同意以降のプライバシーポリシーの変更の概要</translation>
    </message>
    <message>
        <source>Continue to the full text</source>
        <translation>全文へ進む</translation>
    </message>
    <message>
        <source>You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</source>
        <translation>お客様は{0}から実施の版に同意されています。その後プライバシーポリシーが改定されたため、あらためて同意をお願いしています。</translation>
    </message>
    <message>
        <source>Revisions since then</source>
        <translation>その後の改定</translation>
    </message>
    <message>
        <source>Effective {0} (announced {1})</source>
        <translation>{0}から実施（{1}付）</translation>
    </message>
    <message>
        <source>About this version</source>
        <translation>この版について</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Register or sign in</source>
        <extracomment>Provider id → its button (the dialog connects them to the browser page).</extracomment>
        <translation>登録またはサインイン</translation>
    </message>
    <message>
        <source>To use NeWork, register a user ID: an e-mail address, or an account of Google, business d account, Apple or Microsoft. Your registration data is not given to third parties.</source>
        <translation>NeWork を利用するには、ユーザーIDを登録してください：メールアドレス、または Google、ビジネスdアカウント、Apple、Microsoft のアカウントです。登録情報が第三者に提供されることはありません。</translation>
    </message>
    <message>
        <source>About registration</source>
        <translation>登録について</translation>
    </message>
    <message>
        <source>You were signed in as {email} ({provider}). Please sign in again.</source>
        <translation>{email}（{provider}）でサインインしていました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>This computer has no secure password storage (keyring). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</source>
        <translation type="vanished">このコンピューターには安全な資格情報の保管場所（キーリング）がありません。サインインはできますが、NeWork を終了するまでしか保持されず、次回の起動時にもう一度サインインが必要です。</translation>
    </message>
    <message>
        <source>This computer has no secure password storage ({store}). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</source>
        <translation>このコンピューターには安全な資格情報の保管場所（{store}）がありません。サインインはできますが、NeWork を終了するまでしか保持されず、次回の起動時にもう一度サインインが必要です。</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation>メールアドレス(&amp;E)</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>NeWork sends a one-time code to this address</source>
        <translation>このアドレスに NeWork が確認コードを送信します</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>コードを送信</translation>
    </message>
    <message>
        <source>Sends a one-time code to this address</source>
        <translation>このアドレスに確認コードを送信します</translation>
    </message>
    <message>
        <source>{provider}: sign in</source>
        <translation>{provider}：サインイン</translation>
    </message>
    <message>
        <source>Send a one-time code to this address</source>
        <translation type="vanished">このアドレスに確認コードを送信</translation>
    </message>
    <message>
        <source>Or continue with an account of:</source>
        <translation>または次のアカウントで続行：</translation>
    </message>
    <message>
        <source>Sign in with {provider}</source>
        <translation type="vanished">{provider} でサインイン</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="vanished">メール</translation>
    </message>
    <message>
        <source>Not available: this NeWork build has no sign-in set up for it.</source>
        <translation>利用できません：この NeWork ではこのサインインが設定されていません。</translation>
    </message>
    <message>
        <source>Not available yet: the provider&apos;s sign-in is not configured.</source>
        <translation>まだ利用できません：このサービスでのサインインが設定されていません。</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>We sent a one-time code to {email}. Enter it below. The code is valid for {minutes} minutes.</source>
        <translation>{email} に確認コードを送信しました。下に入力してください。コードの有効期間は {minutes} 分です。</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>確認コード(&amp;C)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>確認コード</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign in with this code</source>
        <translation>このコードでサインイン</translation>
    </message>
    <message>
        <source>Use another address</source>
        <translation>別のアドレスを使う</translation>
    </message>
    <message>
        <source>Use another e-mail address</source>
        <translation type="vanished">別のメールアドレスを使う</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>新しいコードを送信します</translation>
    </message>
    <message>
        <source>Resend code ({seconds} s)</source>
        <translation>コードを再送信（{seconds} 秒）</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>コードを再送信</translation>
    </message>
    <message>
        <source>Enter the code</source>
        <extracomment>The code request being answered (None when the page is not in use).</extracomment>
        <translation>確認コードの入力</translation>
    </message>
    <message>
        <source>Back to the first page, to use another e-mail address</source>
        <translation>最初のページに戻り、別のメールアドレスを使います</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation>残りの入力回数：{n}</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>残りの入力回数</translation>
    </message>
</context>
<context>
    <name>CollectTable</name>
    <message>
        <source>Information</source>
        <extracomment>Room around a cell&apos;s text (the style&apos;s margins and the grid). Latin words (and numbers) that must not be broken inside; CJK text may break anywhere. Columns whose labels are short and break only at a space: the plans. The narrowest a wrapping column becomes, in full-width characters (item, purpose, how).</extracomment>
        <translation>利用者情報</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation>取得方法</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>対象プラン</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>全プラン</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation>Enterprise プランのみ</translation>
    </message>
</context>
<context>
    <name>CollectedPage</name>
    <message>
        <source>What is collected</source>
        <extracomment>The module choices just recorded (module id → allowed).</extracomment>
        <translation>取得する情報</translation>
    </message>
    <message>
        <source>The information NeWork collects, why, and how (Article 2 of the privacy policy). The app collects nothing that is not in this table.</source>
        <translation>NeWork が取得する情報、その利用目的と取得方法です（プライバシーポリシー第２条）。本アプリはこの表にない情報を取得しません。</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation>取得する情報（第２条）</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). A change takes effect at once: a module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</source>
        <translation>利用状況を取得する第三者のプログラムです（第２条第２項）。変更はすぐに反映されます。オフにしたモジュールには本アプリから何も送信されず、そのクッキーは削除されます。選択内容は同意の記録に追加されます。</translation>
    </message>
    <message>
        <source>Uses cookies. Switch it off below to stop it in this app.</source>
        <translation>クッキーを使用します。下のスイッチをオフにすると、このアプリでの利用を停止します。</translation>
    </message>
    <message>
        <source>Switch it off below to stop it in this app.</source>
        <translation>下のスイッチをオフにすると、このアプリでの利用を停止します。</translation>
    </message>
    <message>
        <source>Uses cookies. Uncheck to switch it off in this app.</source>
        <translation type="vanished">クッキーを使用します。チェックを外すと本アプリでは無効になります。</translation>
    </message>
    <message>
        <source>Uncheck to switch it off in this app.</source>
        <translation type="vanished">チェックを外すと本アプリでは無効になります。</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>直前の変更の結果</translation>
    </message>
    <message>
        <source>There is no consent on record: nothing was changed.</source>
        <translation>同意の記録がないため、何も変更していません。</translation>
    </message>
    <message>
        <source>Your choice could not be saved, so nothing was changed. Check that the disk is not full and try again.</source>
        <translation>選択内容を保存できなかったため、何も変更していません。ディスクの空き容量を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>{name} is on again.</source>
        <translation>{name} を再びオンにしました。</translation>
    </message>
    <message>
        <source>{name} is off: nothing more is sent to it from this app, and its cookies were deleted.</source>
        <translation>{name} をオフにしました。本アプリからは今後何も送信されず、そのクッキーは削除されました。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Records your consent to this privacy policy and starts NeWork</source>
        <translation>本プライバシーポリシーへの同意を記録し、NeWork を開始します</translation>
    </message>
    <message>
        <source>Please read to the end</source>
        <translation>最後までお読みください</translation>
    </message>
    <message>
        <source>{0}: Agree becomes available once you reach the end of the text.</source>
        <translation>{0}。本文の最後まで進むと「同意して開始」を押せるようになります。</translation>
    </message>
    <message>
        <source>Unavailable until the text has been read to the end</source>
        <translation>本文を最後までお読みいただくまで押せません</translation>
    </message>
    <message>
        <source>Declines the privacy policy and closes NeWork without saving anything</source>
        <translation>プライバシーポリシーに同意せず、何も保存しないまま NeWork を終了します</translation>
    </message>
    <message>
        <source>You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</source>
        <translation type="vanished">お客様は{0}から実施の版に同意されています。その後プライバシーポリシーが改定されたため、あらためて同意をお願いしています。</translation>
    </message>
    <message>
        <source>Revisions since then</source>
        <translation type="vanished">その後の改定</translation>
    </message>
    <message>
        <source>Effective {0} (announced {1})</source>
        <translation type="vanished">{0}から実施（{1}付）</translation>
    </message>
    <message>
        <source>About this version</source>
        <translation type="vanished">この版について</translation>
    </message>
    <message>
        <source>NeWork — Privacy policy</source>
        <translation>NeWork — プライバシーポリシー</translation>
    </message>
    <message>
        <source>The NeWork privacy policy has changed</source>
        <translation type="vanished">NeWork のプライバシーポリシーが改定されました</translation>
    </message>
    <message>
        <source>Before you start NeWork, please read its privacy policy</source>
        <translation type="vanished">NeWork をご利用いただく前に、プライバシーポリシーをお読みください</translation>
    </message>
    <message>
        <source>{0} — {1}, effective {2}</source>
        <translation type="vanished">{0} — {1}、{2}から実施</translation>
    </message>
    <message>
        <source>This is a translation; the Japanese text prevails.</source>
        <translation type="vanished">これは翻訳です。日本語の原文が優先します。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="vanished">言語(&amp;L):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="vanished">言語</translation>
    </message>
    <message>
        <source>Shows the privacy policy and this window in another language</source>
        <translation type="vanished">プライバシーポリシーとこの画面を別の言語で表示します</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="vanished">変更点</translation>
    </message>
    <message>
        <source>Summary of the changes to the privacy policy since you last agreed</source>
        <translation type="vanished">前回の同意以降のプライバシーポリシーの変更の概要</translation>
    </message>
    <message>
        <source>Continue to the full text</source>
        <translation type="vanished">全文へ進む</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation type="vanished">目次(&amp;C)</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation type="vanished">目次</translation>
    </message>
    <message>
        <source>Choose an article to jump to it in the text</source>
        <translation type="vanished">条を選ぶと本文の該当箇所へ移動します</translation>
    </message>
    <message>
        <source>Full &amp;text</source>
        <translation type="vanished">全文(&amp;T)</translation>
    </message>
    <message>
        <source>Privacy policy, full text</source>
        <translation type="vanished">プライバシーポリシー全文</translation>
    </message>
    <message>
        <source>Read to the end to enable Agree. Page Down and End scroll the text.</source>
        <translation type="vanished">最後までお読みいただくと「同意して開始」を押せるようになります。Page Down キーと End キーで本文をスクロールできます。</translation>
    </message>
    <message>
        <source>Read: %p %</source>
        <translation type="vanished">既読 %p %</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation type="vanished">読み進めた割合</translation>
    </message>
    <message>
        <source>What we collect</source>
        <translation type="vanished">取得する情報</translation>
    </message>
    <message>
        <source>A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</source>
        <translation type="vanished">第２条の要約です。同意の対象は全文であり、両者が異なる場合は全文が適用されます。</translation>
    </message>
    <message>
        <source>Summary of the information collected, and the collection modules</source>
        <translation type="vanished">取得する利用者情報と情報収集モジュールの要約</translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="vanished">利用者情報</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="vanished">利用目的</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation type="vanished">取得方法</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="vanished">対象プラン</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation type="vanished">全プラン</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation type="vanished">Enterprise プランのみ</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation type="vanished">取得する利用者情報（第２条）</translation>
    </message>
    <message>
        <source>One row per purpose: information, purpose, how it is collected, plans</source>
        <translation type="vanished">利用目的ごとに１行：利用者情報、利用目的、取得方法、対象プラン</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation type="vanished">情報収集モジュール</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</source>
        <translation type="vanished">利用状況を取得する第三者のプログラムです（第２条２項）。チェックを外すと、このアプリからそのモジュールへは何も送信されません。</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation type="vanished">関連文書:</translation>
    </message>
    <message>
        <source>Company privacy policy</source>
        <translation type="vanished">個人情報保護方針</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation type="vanished">利用規約</translation>
    </message>
    <message>
        <source>This policy (latest, PDF)</source>
        <translation type="vanished">本ポリシー（最新版・PDF）</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation type="vanished">お問い合わせフォーム</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation type="vanished">{0} をウェブブラウザーで開きます</translation>
    </message>
    <message>
        <source>Decline (quit)</source>
        <translation>同意しない（終了）</translation>
    </message>
    <message>
        <source>Decline and quit NeWork</source>
        <translation type="vanished">同意せずに NeWork を終了</translation>
    </message>
    <message>
        <source>Closes NeWork without saving anything</source>
        <translation type="vanished">何も保存せずに NeWork を終了します</translation>
    </message>
    <message>
        <source>Agree and start</source>
        <translation>同意して開始</translation>
    </message>
    <message>
        <source>Agree to the privacy policy and start</source>
        <translation type="vanished">プライバシーポリシーに同意して開始</translation>
    </message>
    <message>
        <source>Decline the privacy policy?</source>
        <translation>プライバシーポリシーに同意しませんか？</translation>
    </message>
    <message>
        <source>NeWork will close. Decline?</source>
        <translation>NeWork を終了します。同意しないでよろしいですか？</translation>
    </message>
    <message>
        <source>Nothing has been saved. You can start NeWork again at any time.</source>
        <translation>何も保存されていません。NeWork はいつでも再び起動できます。</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>読み続ける</translation>
    </message>
</context>
<context>
    <name>ConsentHeader</name>
    <message>
        <source>The NeWork privacy policy has changed</source>
        <extracomment>The user picked another language (its code).</extracomment>
        <translation>NeWork のプライバシーポリシーが改定されました</translation>
    </message>
    <message>
        <source>Before you start NeWork, please read its privacy policy</source>
        <translation>NeWork をご利用いただく前に、プライバシーポリシーをお読みください</translation>
    </message>
    <message>
        <source>{0} — {1}, effective {2}</source>
        <translation>{0} — {1}、{2}から実施</translation>
    </message>
    <message>
        <source>This is a translation; the Japanese text prevails.</source>
        <translation>これは翻訳です。日本語の原文が優先します。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Shows the privacy policy and this window in another language</source>
        <translation>プライバシーポリシーとこの画面を別の言語で表示します</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>あなたの同意</translation>
    </message>
    <message>
        <source>About version {version}</source>
        <translation>バージョン {version} について</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation>ポリシーを表示</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation>プライバシーポリシーを表示します</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>改定履歴</translation>
    </message>
    <message>
        <source>In effect from</source>
        <translation>実施日</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>文書番号</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Revision history of the policy</source>
        <translation>プライバシーポリシーの改定履歴</translation>
    </message>
    <message>
        <source>Your decisions</source>
        <translation>あなたの選択の履歴</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>ポリシーのバージョン</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>Confirmed by NeWork</source>
        <translation>NeWork による確認</translation>
    </message>
    <message>
        <source>Confirmation by NeWork</source>
        <translation>NeWork による確認状況</translation>
    </message>
    <message>
        <source>Where this text came from</source>
        <translation>この文面の入手元</translation>
    </message>
    <message>
        <source>Your decisions on the privacy policy, newest first</source>
        <translation>プライバシーポリシーについてのあなたの選択（新しい順）</translation>
    </message>
    <message>
        <source>No consent is on record.</source>
        <translation>同意の記録はありません。</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy in effect from {effective} (version {version}) on {date}, reading it in {language}.</source>
        <translation>{date} に、{effective} 実施のプライバシーポリシー（バージョン {version}）に{language}で同意しました。</translation>
    </message>
    <message>
        <source>Collection modules: {choices}.</source>
        <translation>情報収集モジュール: {choices}。</translation>
    </message>
    <message>
        <source>Last changed on {date}.</source>
        <translation>最終変更: {date}。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>This text came from the NeWork service (version {version}), verified on {date}.</source>
        <translation>この文面は NeWork サービスから配信されたもの（バージョン {version}）で、{date}に署名を検証しました。</translation>
    </message>
    <message>
        <source>This text shipped with NeWork (version {version}); the NeWork service confirmed on {date} that it is current.</source>
        <translation>この文面は NeWork に同梱されたもの（バージョン {version}）です。{date}に、これが最新版であることを NeWork サービスで確認しました。</translation>
    </message>
    <message>
        <source>This text shipped with NeWork (version {version}).</source>
        <translation>この文面は NeWork に同梱されたもの（バージョン {version}）です。</translation>
    </message>
    <message>
        <source>Confirmed by NeWork on {date}</source>
        <translation>{date}に NeWork が確認済み</translation>
    </message>
    <message>
        <source>Waiting to be confirmed</source>
        <translation>確認待ち</translation>
    </message>
    <message>
        <source>Your latest decision was confirmed by NeWork on {date}.</source>
        <translation>最新の選択は、{date}に NeWork によって確認されました。</translation>
    </message>
    <message>
        <source>Your latest decision is waiting to be confirmed by NeWork; the app sends it again by itself, also after a restart.</source>
        <translation>最新の選択は NeWork による確認を待っています。確認されるまで、アプリが自動的に（再起動後も）送信し直します。</translation>
    </message>
    <message>
        <source>Withdrew consent</source>
        <translation>同意を撤回</translation>
    </message>
    <message>
        <source>Changed module choices</source>
        <translation>モジュールの選択を変更</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>同意</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Credential Manager</source>
        <translation>資格情報マネージャー</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>キーチェーン</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>キーリング</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Your data on this device</source>
        <extracomment>The sizes were counted (and are shown).</extracomment>
        <translation>この端末上のデータ</translation>
    </message>
    <message>
        <source>NeWork keeps its data only in these folders. Uninstalling NeWork, or “Delete all local data”, removes all of them.</source>
        <translation>NeWork はデータをこれらのフォルダーにのみ保存します。NeWork のアンインストール、または「ローカルデータをすべて削除」で、すべて削除されます。</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Open folder {path}</source>
        <translation>フォルダー {path} を開く</translation>
    </message>
    <message>
        <source>Size of {path}</source>
        <translation>{path} のサイズ</translation>
    </message>
    <message>
        <source>Recount sizes</source>
        <translation>サイズを再計算</translation>
    </message>
    <message>
        <source>Count the folder sizes again</source>
        <translation>フォルダーのサイズをもう一度計算します</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>端末識別 ID</translation>
    </message>
    <message>
        <source>A random number made for this installation of NeWork. It is not taken from your computer&apos;s hardware, it identifies only this installation, and it is deleted with the local data.</source>
        <translation>この NeWork のインストールのために作成した乱数です。コンピューターのハードウェアから取得したものではなく、このインストールだけを識別し、ローカルデータとともに削除されます。</translation>
    </message>
    <message>
        <source>consent record, account summary, device ID</source>
        <translation>同意の記録、アカウントの概要、端末識別 ID</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>temporary files</source>
        <translation>一時ファイル</translation>
    </message>
    <message>
        <source>logs</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>record of what was sent, pending requests</source>
        <translation>送信の記録、処理待ちの依頼</translation>
    </message>
    <message>
        <source>workspace web data (cookies, storage)</source>
        <translation>ワークスペースの Web データ（クッキー、ストレージ）</translation>
    </message>
    <message>
        <source>workspace web cache</source>
        <translation>ワークスペースの Web キャッシュ</translation>
    </message>
    <message>
        <source>Not created yet.</source>
        <translation>まだ作成されていません。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未作成</translation>
    </message>
</context>
<context>
    <name>DocumentLinks</name>
    <message>
        <source>Documents:</source>
        <translation>関連文書:</translation>
    </message>
    <message>
        <source>Company privacy policy</source>
        <translation>個人情報保護方針</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation>利用規約</translation>
    </message>
    <message>
        <source>This policy (latest, PDF)</source>
        <translation>本ポリシー（最新版・PDF）</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation>お問い合わせフォーム</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation>{0} をウェブブラウザーで開きます</translation>
    </message>
</context>
<context>
    <name>ErrorPage</name>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>NeWork cannot be reached</source>
        <translation>NeWork に接続できません</translation>
    </message>
    <message>
        <source>NeWork is having a problem</source>
        <translation>NeWork で問題が発生しています</translation>
    </message>
    <message>
        <source>This address is not allowed</source>
        <translation>このアドレスは許可されていません</translation>
    </message>
    <message>
        <source>The connection is not secure</source>
        <translation>接続が安全ではありません</translation>
    </message>
    <message>
        <source>The workspace stopped</source>
        <translation>ワークスペースが停止しました</translation>
    </message>
    <message>
        <source>Check your internet connection, then try again. Your data on this computer is not affected.</source>
        <translation>インターネット接続を確認してから、もう一度お試しください。このコンピューター上のデータには影響ありません。</translation>
    </message>
    <message>
        <source>The NeWork service could not show your workspace right now. Please try again in a moment.</source>
        <translation>NeWork サービスが現在ワークスペースを表示できません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The app&apos;s privacy rules do not allow opening this address. You can review your choices in the privacy center.</source>
        <translation>アプリのプライバシー設定により、このアドレスを開くことはできません。選択内容はプライバシーセンターで確認できます。</translation>
    </message>
    <message>
        <source>The workspace opens after you agree to the privacy policy.</source>
        <translation>プライバシーポリシーに同意すると、ワークスペースが開きます。</translation>
    </message>
    <message>
        <source>The identity of the NeWork server could not be verified, so the workspace was not opened. Check the date and time of this computer, then try again.</source>
        <translation>NeWork サーバーの身元を確認できなかったため、ワークスペースを開きませんでした。このコンピューターの日付と時刻を確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The workspace stopped unexpectedly. Try again to reopen it.</source>
        <translation>ワークスペースが予期せず停止しました。再試行すると開き直します。</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export and delete</source>
        <translation>書き出しと削除</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>データの書き出し</translation>
    </message>
    <message>
        <source>Saves a zip file with your consent receipts, your settings, your account summary and the record of what was sent. It contains no password or token.</source>
        <translation>同意の記録（同意レシート）、設定、アカウントの概要、送信の記録を zip ファイルに保存します。パスワードやトークンは含まれません。</translation>
    </message>
    <message>
        <source>Export my data…</source>
        <translation>データを書き出す…</translation>
    </message>
    <message>
        <source>Export my data to a zip file</source>
        <translation>データを zip ファイルに書き出す</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>書き出しの進行状況</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>書き出しの結果</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <source>Opens the folder that holds the exported file</source>
        <translation>書き出したファイルのあるフォルダーを開きます</translation>
    </message>
    <message>
        <source>Your data on the NeWork service</source>
        <translation>NeWork サービス上のデータ</translation>
    </message>
    <message>
        <source>Ask NTT Communications to delete the data the NeWork service keeps about you. The request is sent once; if the service cannot be reached, the app keeps trying until the service confirms it. If you also want to withdraw your consent, ask for the deletion first.</source>
        <translation>NeWork サービスが保持しているあなたのデータの削除を NTT コミュニケーションズに依頼します。依頼は一度だけ送信され、サービスに接続できない場合は、サービスが受け付けるまでアプリが送信を繰り返します。同意の撤回もご希望の場合は、先に削除を依頼してください。</translation>
    </message>
    <message>
        <source>Ask the service to delete my data…</source>
        <translation>サービスにデータの削除を依頼…</translation>
    </message>
    <message>
        <source>Ask the NeWork service to delete my data</source>
        <translation>NeWork サービスに自分のデータの削除を依頼します</translation>
    </message>
    <message>
        <source>Deletion request status</source>
        <translation>削除依頼の状況</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>このコンピューター上</translation>
    </message>
    <message>
        <source>Delete everything NeWork keeps on this computer and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation>NeWork がこのコンピューターに保存しているものをすべて削除し、最初からやり直します。NeWork サービスのアカウントは削除されません。</translation>
    </message>
    <message>
        <source>Delete all local data…</source>
        <translation>ローカルデータをすべて削除…</translation>
    </message>
    <message>
        <source>Delete all of NeWork&apos;s data on this computer</source>
        <translation>このコンピューター上の NeWork のデータをすべて削除します</translation>
    </message>
    <message>
        <source>Withdraw your consent to the privacy policy: NeWork stops collecting and sending anything and asks for your consent again.</source>
        <translation>プライバシーポリシーへの同意を撤回します。NeWork は情報の取得と送信をすべて停止し、あらためて同意をお願いします。</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>同意を撤回…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation>同意を撤回して NeWork の利用を停止する</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>zip ファイル (*.zip)</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation>「{name}」はすでに存在します。置き換えますか?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>Your data was saved to {path}.</source>
        <translation>データを {path} に保存しました。</translation>
    </message>
    <message>
        <source>A file with that name appeared meanwhile; nothing was replaced.</source>
        <translation>その間に同じ名前のファイルが作成されたため、何も置き換えていません。</translation>
    </message>
    <message>
        <source>Your data could not be exported. Check that the folder exists and that there is enough free space, then try again.</source>
        <translation>データを書き出せませんでした。フォルダーが存在し、空き容量が十分にあることを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Ask the service to delete my data</source>
        <translation>サービスにデータの削除を依頼</translation>
    </message>
    <message>
        <source>NeWork will ask the NeWork service to delete the data it keeps about you. This cannot be undone. Send the request?</source>
        <translation>NeWork サービスが保持しているあなたのデータの削除を依頼します。元に戻すことはできません。依頼を送信しますか?</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>依頼を送信</translation>
    </message>
    <message>
        <source>Sign in to NeWork to ask the service to delete your data.</source>
        <translation>サービスにデータの削除を依頼するには、NeWork にサインインしてください。</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>依頼を送信しています…</translation>
    </message>
    <message>
        <source>No request was sent.</source>
        <translation>依頼は送信されていません。</translation>
    </message>
    <message>
        <source>Pending since {date}: waiting for the service to confirm. The app keeps trying by itself, also after a restart.</source>
        <translation>{date} から処理待ち: サービスの受付を待っています。再起動後も、アプリが自動で送信を続けます。</translation>
    </message>
    <message>
        <source>Sending now…</source>
        <translation>送信しています…</translation>
    </message>
    <message>
        <source>Acknowledged on {date}: the service received your request.</source>
        <translation>{date} に受付済み: サービスが依頼を受け付けました。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Open this help</source>
        <translation>このヘルプを開く</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>設定を開く</translation>
    </message>
    <message>
        <source>Quit NeWork</source>
        <translation>NeWork を終了</translation>
    </message>
    <message>
        <source>Close the privacy center</source>
        <translation>プライバシーセンターを閉じる</translation>
    </message>
    <message>
        <source>End / Page Down</source>
        <translation>End / Page Down</translation>
    </message>
    <message>
        <source>Privacy policy: go to the end / scroll down</source>
        <translation>プライバシーポリシー：最後へ移動／下へスクロール</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>次／前の操作項目へ移動</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Switch a module on or off</source>
        <translation>モジュールのオン／オフを切り替え</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>選択中のボタンを押す</translation>
    </message>
    <message>
        <source>Privacy policy: the links of the text</source>
        <translation>プライバシーポリシー：本文中のリンク一覧</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Privacy policy: decline (asks first)</source>
        <translation>プライバシーポリシー：同意しない（確認あり）</translation>
    </message>
    <message>
        <source>To uninstall, choose NeWork → Uninstall NeWork…: all data is deleted and the app is moved to the Trash.</source>
        <translation>アンインストールするには、［NeWork］→［NeWork をアンインストール…］を選びます。すべてのデータが削除され、アプリはゴミ箱に移動します。</translation>
    </message>
    <message>
        <source>To uninstall, open Settings → Apps, choose NeWork and Uninstall: the app and all of its data are removed.</source>
        <translation>アンインストールするには、［設定］→［アプリ］で NeWork を選び、［アンインストール］を選びます。アプリとそのデータがすべて削除されます。</translation>
    </message>
    <message>
        <source>To delete all of NeWork&apos;s data on this computer, choose Privacy → Delete all local data….</source>
        <translation>このコンピューター上の NeWork のデータをすべて削除するには、［プライバシー］→［ローカルデータをすべて削除…］を選びます。</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <source>The first time NeWork starts, it shows its privacy policy. Read it to the end, choose which collection modules may run, and agree. Then register with an e-mail address or an account of Google, business d account, Apple or Microsoft; your workspace opens in the main window.</source>
        <translation>NeWork を初めて起動すると、プライバシーポリシーが表示されます。最後までお読みいただき、利用を許可する情報収集モジュールを選んで同意してください。続いて、メールアドレスまたは Google・ビジネスdアカウント・Apple・Microsoft のアカウントで登録すると、メインウィンドウにワークスペースが開きます。</translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation>プライバシー</translation>
    </message>
    <message>
        <source>Privacy → Privacy center shows what you agreed to, what is collected, what was sent and where your data is kept. There you can switch the collection modules off, export your data, ask the service to delete it, delete everything on this computer or withdraw your consent.</source>
        <translation>［プライバシー］→［プライバシーセンター］では、同意した内容、取得される情報、送信された内容、データの保存場所を確認できます。情報収集モジュールのオフ、データの書き出し、サービスへのデータ削除の依頼、このコンピューター上のデータの全削除、同意の撤回もここから行えます。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Settings ({keys}) change the language and the collection modules, and sign you out.</source>
        <translation>［設定］（{keys}）では、表示言語と情報収集モジュールの変更、サインアウトができます。</translation>
    </message>
    <message>
        <source>Uninstalling</source>
        <translation>アンインストール</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>サポート</translation>
    </message>
    <message>
        <source>For questions about NeWork, or about how your information is handled, use the inquiry form (Contact support).</source>
        <translation>NeWork について、またはお客様の情報の取扱いについてのご質問は、お問い合わせフォーム（［サポートに問い合わせ］）をご利用ください。</translation>
    </message>
    <message>
        <source>NeWork Help</source>
        <translation>NeWork ヘルプ</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Contact support…</source>
        <translation>サポートに問い合わせ…</translation>
    </message>
    <message>
        <source>Opens the inquiry form in your web browser</source>
        <translation>お問い合わせフォームを Web ブラウザーで開きます</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Japanese</source>
        <extracomment>Each language in its own name (never translated: a reader looks for their own language).</extracomment>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>The link could not be opened</source>
        <translation>リンクを開けませんでした</translation>
    </message>
    <message>
        <source>NeWork could not open your web browser. Copy this address and open it in your browser:</source>
        <translation>Web ブラウザーを開けませんでした。次のアドレスをコピーして、ブラウザーで開いてください。</translation>
    </message>
</context>
<context>
    <name>LinksPage</name>
    <message>
        <source>Policies and contact</source>
        <translation>ポリシーとお問い合わせ</translation>
    </message>
    <message>
        <source>These pages open in your web browser. For questions about how your information is handled, use the inquiry form (Article 10).</source>
        <translation>これらのページは Web ブラウザーで開きます。情報の取扱いに関するお問い合わせは、問い合わせフォーム（第10条）をご利用ください。</translation>
    </message>
    <message>
        <source>Opens {url} in your web browser</source>
        <translation>{url} を Web ブラウザーで開きます</translation>
    </message>
</context>
<context>
    <name>LocalDataWiper</name>
    <message>
        <source>Deleting local data</source>
        <extracomment>Runs the wipe (on a worker thread) and returns its report; gets the progress callback.</extracomment>
        <translation>ローカルデータを削除しています</translation>
    </message>
    <message>
        <source>Deleting all of NeWork&apos;s data on this computer…</source>
        <translation>このコンピューター上の NeWork のデータをすべて削除しています…</translation>
    </message>
    <message>
        <source>Deletion progress</source>
        <translation>削除の進行状況</translation>
    </message>
    <message>
        <source>Deleted {count} items…</source>
        <translation>{count} 件を削除しました…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;NeWork</source>
        <translation type="vanished">&amp;NeWork</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit NeWork</source>
        <translation>NeWork を終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>プライバシー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete all local data…</source>
        <translation>ローカルデータをすべて削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Privacy &amp;center…</source>
        <translation>プライバシーセンター(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>How long the consent line stays in the status bar.</extracomment>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Uninstall NeWork…</source>
        <translation>NeWork をアンインストール(&amp;U)…</translation>
    </message>
    <message>
        <source>View &amp;policy</source>
        <translation>プライバシーポリシーを表示(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent…</source>
        <translation>同意を撤回(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>NeWork &amp;Help</source>
        <translation>NeWork ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Contact support…</source>
        <translation>サポートに問い合わせ(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;About NeWork</source>
        <translation>NeWork について(&amp;A)</translation>
    </message>
    <message>
        <source>Your workspace opens here once NeWork is connected to its service.</source>
        <translation>NeWork がサービスに接続すると、ここにワークスペースが開きます。</translation>
    </message>
    <message>
        <source>Opens the privacy center at your consent</source>
        <translation>プライバシーセンターの同意のページを開きます</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation>ポリシーを表示</translation>
    </message>
    <message>
        <source>Shows the updated privacy policy</source>
        <translation>改定後のプライバシーポリシーを表示します</translation>
    </message>
    <message>
        <source>Hides the policy update notice</source>
        <translation>ポリシー改定のお知らせを閉じます</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy in effect from {effective} on {date} (read in {language}; version {version}).</source>
        <translation>{date}に、{effective}から実施のプライバシーポリシーに同意しました（{language}で確認、版 {version}）。</translation>
    </message>
    <message>
        <source>No {store} is available: you will need to sign in again next time.</source>
        <translation>{store}を利用できないため、次回起動時にもう一度サインインが必要です。</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation type="vanished">プライバシーポリシーを表示</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="vanished">同意を撤回…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation type="vanished">同意を撤回して NeWork の利用を停止</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>What changed: open the privacy center at your consent</source>
        <translation type="vanished">変更点: プライバシーセンターの同意のページを開く</translation>
    </message>
    <message>
        <source>View the updated privacy policy</source>
        <translation type="vanished">改定されたプライバシーポリシーを表示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the policy update notice</source>
        <translation type="vanished">プライバシーポリシー改定のお知らせを閉じる</translation>
    </message>
    <message>
        <source>The privacy policy was updated ({dates}). The changes are minor.</source>
        <translation>プライバシーポリシーが改定されました（{dates}）。軽微な変更です。</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy version {version} on {date} ({language}).</source>
        <translation type="vanished">{date}にプライバシーポリシー（版 {version}、{language}）に同意しました。</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation type="vanished">同意の状況</translation>
    </message>
    <message>
        <source>Signed in as {account}.</source>
        <translation>{account} でサインインしています。</translation>
    </message>
    <message>
        <source>No keyring is available: you will need to sign in again next time.</source>
        <translation type="vanished">キーチェーン（資格情報ストア）を利用できないため、次回起動時にもう一度サインインが必要です。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="vanished">同意の撤回</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation type="vanished">同意を撤回すると、このコンピューターで NeWork を利用できなくなります。アプリは再び同意を求めます。続けますか？</translation>
    </message>
    <message>
        <source>About NeWork</source>
        <translation type="vanished">NeWork について</translation>
    </message>
    <message>
        <source>NeWork Desktop {version}</source>
        <translation type="vanished">NeWork Desktop {version}</translation>
    </message>
</context>
<context>
    <name>ModuleCard</name>
    <message>
        <source>Provider: {0}</source>
        <extracomment>Opens a URL in the system browser; False if it did not (or refused to). A bullet inside a table cell of the policy (&quot;・…認証のため ・テナント…&quot;).</extracomment>
        <translation>提供者：{0}</translation>
    </message>
    <message>
        <source>What it collects: {0}</source>
        <translation>取得する情報：{0}</translation>
    </message>
    <message>
        <source>Purpose: {0}</source>
        <translation>利用目的：{0}</translation>
    </message>
    <message>
        <source>Used only by the smartphone apps; not part of the desktop app. Nothing is sent to it from this computer.</source>
        <translation>スマートフォンアプリでのみ使用され、デスクトップアプリには含まれていません。このコンピューターからは何も送信されません。</translation>
    </message>
    <message>
        <source>This module cannot be switched off.</source>
        <translation>このモジュールはオフにできません。</translation>
    </message>
    <message>
        <source>Uses cookies. You can switch it off below, next to Agree, or later in the privacy center.</source>
        <translation>クッキーを使用します。下の「同意して開始」の横で、または後からプライバシーセンターでオフにできます。</translation>
    </message>
    <message>
        <source>You can switch it off below, next to Agree, or later in the privacy center.</source>
        <translation>下の「同意して開始」の横で、または後からプライバシーセンターでオフにできます。</translation>
    </message>
    <message>
        <source>When off, nothing is sent to {0} from this app.</source>
        <translation>オフにすると、本アプリから {0} には何も送信されません。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Uses cookies. You can switch it off here now, or later in the privacy center.</source>
        <translation type="vanished">クッキーを使用します。ここで、または後からプライバシーセンターでオフにできます。</translation>
    </message>
    <message>
        <source>You can switch it off here now, or later in the privacy center.</source>
        <translation type="vanished">ここで、または後からプライバシーセンターでオフにできます。</translation>
    </message>
    <message>
        <source>Opt-out page</source>
        <translation>オプトアウトのページ</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation>{0} をウェブブラウザーで開きます</translation>
    </message>
    <message>
        <source>Allow {0} in this app</source>
        <translation>このアプリで {0} を許可する</translation>
    </message>
    <message>
        <source>Allow {0} to collect usage data</source>
        <translation type="vanished">{0} による利用状況の取得を許可する</translation>
    </message>
    <message>
        <source>When unchecked, nothing is sent to {0} from this app.</source>
        <translation type="vanished">チェックを外すと、このアプリから {0} へは何も送信されません。</translation>
    </message>
</context>
<context>
    <name>ModuleChoices</name>
    <message>
        <source>Allow in this app:</source>
        <extracomment>Module id → its switch, in the policy&apos;s order.</extracomment>
        <translation>このアプリで許可：</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>{0}: allow in this app</source>
        <translation>{0}：このアプリで許可</translation>
    </message>
    <message>
        <source>When off, nothing is sent to {0} from this app. You can change this later in the privacy center.</source>
        <translation>オフにすると、本アプリから {0} には何も送信されません。後からプライバシーセンターで変更できます。</translation>
    </message>
</context>
<context>
    <name>PolicyViewer</name>
    <message>
        <source>Privacy policy text</source>
        <translation>プライバシーポリシー本文</translation>
    </message>
</context>
<context>
    <name>PrivacyCenter</name>
    <message>
        <source>Privacy center — NeWork</source>
        <translation>プライバシーセンター — NeWork</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="vanished">同意</translation>
    </message>
    <message>
        <source>What is collected</source>
        <translation type="vanished">取得する情報</translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation type="vanished">送信の記録</translation>
    </message>
    <message>
        <source>Your data on this device</source>
        <translation type="vanished">この端末上のデータ</translation>
    </message>
    <message>
        <source>Export and delete</source>
        <translation type="vanished">書き出しと削除</translation>
    </message>
    <message>
        <source>Policies and contact</source>
        <translation type="vanished">ポリシーとお問い合わせ</translation>
    </message>
    <message>
        <source>Privacy center sections</source>
        <translation>プライバシーセンターの項目</translation>
    </message>
    <message>
        <source>Choose a section with the arrow keys; Tab moves into it</source>
        <translation>矢印キーで項目を選び、Tab キーで項目の中へ移動します</translation>
    </message>
    <message>
        <source>Privacy center section</source>
        <translation>プライバシーセンターの項目</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close the privacy center</source>
        <translation>プライバシーセンターを閉じる</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation type="vanished">あなたの同意</translation>
    </message>
    <message>
        <source>About version {version}</source>
        <translation type="vanished">バージョン {version} について</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation type="vanished">ポリシーを表示</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation type="vanished">プライバシーポリシーを表示</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation type="vanished">改定履歴</translation>
    </message>
    <message>
        <source>In effect from</source>
        <translation type="vanished">実施日</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="vanished">文書番号</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="vanished">変更点</translation>
    </message>
    <message>
        <source>Revision history of the policy</source>
        <translation type="vanished">プライバシーポリシーの改定履歴</translation>
    </message>
    <message>
        <source>Your decisions</source>
        <translation type="vanished">あなたの選択の履歴</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="vanished">日時</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="vanished">選択</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation type="vanished">ポリシーのバージョン</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation type="vanished">情報収集モジュール</translation>
    </message>
    <message>
        <source>Your decisions on the privacy policy, newest first</source>
        <translation type="vanished">プライバシーポリシーについてのあなたの選択（新しい順）</translation>
    </message>
    <message>
        <source>The information NeWork collects, why, and how (Article 2 of the privacy policy). The app collects nothing that is not in this table.</source>
        <translation type="vanished">NeWork が取得する情報、その利用目的と取得方法です（プライバシーポリシー第２条）。本アプリはこの表にない情報を取得しません。</translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="vanished">利用者情報</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="vanished">利用目的</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation type="vanished">取得方法</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="vanished">対象プラン</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation type="vanished">全プラン</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation type="vanished">Enterprise プランのみ</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation type="vanished">取得する情報（第２条）</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation type="vanished">情報収集モジュール</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). A change takes effect at once: a module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</source>
        <translation type="vanished">利用状況を取得する第三者のプログラムです（第２条第２項）。変更はすぐに反映されます。オフにしたモジュールには本アプリから何も送信されず、そのクッキーは削除されます。選択内容は同意の記録に追加されます。</translation>
    </message>
    <message>
        <source>Uses cookies. Uncheck to switch it off in this app.</source>
        <translation type="vanished">クッキーを使用します。チェックを外すと本アプリでは無効になります。</translation>
    </message>
    <message>
        <source>Uncheck to switch it off in this app.</source>
        <translation type="vanished">チェックを外すと本アプリでは無効になります。</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation type="vanished">直前の変更の結果</translation>
    </message>
    <message>
        <source>Before anything leaves this computer, NeWork checks where it goes against the privacy policy. This table counts, per day and destination, how many connections were allowed and how many were blocked. Only these counts and the destination names are kept — never what was sent. Days are counted in UTC.</source>
        <translation type="vanished">NeWork は、このコンピューターから何かを送信する前に、送信先がプライバシーポリシーに沿っているかを確認します。この表は、日ごと・送信先ごとに、許可した接続と遮断した接続の数を示します。記録するのはこの件数と送信先の名前だけで、送信した内容は記録しません。日付は UTC で数えています。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="vanished">期間(&amp;P):</translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="vanished">今日</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="vanished">過去 7 日間</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation type="vanished">過去 14 日間</translation>
    </message>
    <message>
        <source>Last 31 days</source>
        <translation type="vanished">過去 31 日間</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation type="vanished">表示する期間</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="vanished">更新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the list of what was sent</source>
        <translation type="vanished">送信の記録を更新</translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="vanished">日付</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="vanished">送信先</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation type="vanished">区分</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="vanished">許可</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="vanished">遮断</translation>
    </message>
    <message>
        <source>Why blocked</source>
        <translation type="vanished">遮断の理由</translation>
    </message>
    <message>
        <source>Connections per day and destination</source>
        <translation type="vanished">日ごと・送信先ごとの接続数</translation>
    </message>
    <message>
        <source>Nothing was sent or blocked in this period.</source>
        <translation type="vanished">この期間に送信・遮断された接続はありません。</translation>
    </message>
    <message>
        <source>Recently blocked</source>
        <translation type="vanished">最近遮断した接続</translation>
    </message>
    <message>
        <source>The latest connections the app refused since it was started.</source>
        <translation type="vanished">アプリの起動後に遮断した最新の接続です。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="vanished">時刻</translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="vanished">理由</translation>
    </message>
    <message>
        <source>Recently blocked connections</source>
        <translation type="vanished">最近遮断した接続</translation>
    </message>
    <message>
        <source>NeWork keeps its data only in these folders. Uninstalling NeWork, or “Delete all local data”, removes all of them.</source>
        <translation type="vanished">NeWork はデータをこれらのフォルダーにのみ保存します。NeWork のアンインストール、または「ローカルデータをすべて削除」で、すべて削除されます。</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="vanished">フォルダー</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="vanished">フォルダー</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation type="vanished">内容</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="vanished">サイズ</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="vanished">フォルダーを開く</translation>
    </message>
    <message>
        <source>Open folder {path}</source>
        <translation type="vanished">フォルダー {path} を開く</translation>
    </message>
    <message>
        <source>Size of {path}</source>
        <translation type="vanished">{path} のサイズ</translation>
    </message>
    <message>
        <source>Recount sizes</source>
        <translation type="vanished">サイズを再計算</translation>
    </message>
    <message>
        <source>Count the folder sizes again</source>
        <translation type="vanished">フォルダーのサイズをもう一度計算する</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation type="vanished">端末識別 ID</translation>
    </message>
    <message>
        <source>A random number made for this installation of NeWork. It is not taken from your computer&apos;s hardware, it identifies only this installation, and it is deleted with the local data.</source>
        <translation type="vanished">この NeWork のインストールのために作成した乱数です。コンピューターのハードウェアから取得したものではなく、このインストールだけを識別し、ローカルデータとともに削除されます。</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation type="vanished">データの書き出し</translation>
    </message>
    <message>
        <source>Saves a zip file with your consent receipts, your settings, your account summary and the record of what was sent. It contains no password or token.</source>
        <translation type="vanished">同意の記録（同意レシート）、設定、アカウントの概要、送信の記録を zip ファイルに保存します。パスワードやトークンは含まれません。</translation>
    </message>
    <message>
        <source>Export my data…</source>
        <translation type="vanished">データを書き出す…</translation>
    </message>
    <message>
        <source>Export my data to a zip file</source>
        <translation type="vanished">データを zip ファイルに書き出す</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="vanished">書き出しの進行状況</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="vanished">書き出しの結果</translation>
    </message>
    <message>
        <source>Your data on the NeWork service</source>
        <translation type="vanished">NeWork サービス上のデータ</translation>
    </message>
    <message>
        <source>Ask NTT Communications to delete the data the NeWork service keeps about you. The request is sent once; if the service cannot be reached, the app keeps trying until the service confirms it. If you also want to withdraw your consent, ask for the deletion first.</source>
        <translation type="vanished">NeWork サービスが保持しているあなたのデータの削除を NTT コミュニケーションズに依頼します。依頼は一度だけ送信され、サービスに接続できない場合は、サービスが受け付けるまでアプリが送信を繰り返します。同意の撤回もご希望の場合は、先に削除を依頼してください。</translation>
    </message>
    <message>
        <source>Ask the service to delete my data…</source>
        <translation type="vanished">サービスにデータの削除を依頼…</translation>
    </message>
    <message>
        <source>Ask the NeWork service to delete my data</source>
        <translation type="vanished">NeWork サービスにデータの削除を依頼する</translation>
    </message>
    <message>
        <source>Deletion request status</source>
        <translation type="vanished">削除依頼の状況</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="vanished">このコンピューター上</translation>
    </message>
    <message>
        <source>Delete everything NeWork keeps on this computer and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation type="vanished">NeWork がこのコンピューターに保存しているものをすべて削除し、最初からやり直します。NeWork サービスのアカウントは削除されません。</translation>
    </message>
    <message>
        <source>Delete all local data…</source>
        <translation type="vanished">ローカルデータをすべて削除…</translation>
    </message>
    <message>
        <source>Delete all of NeWork&apos;s data on this computer</source>
        <translation type="vanished">このコンピューター上の NeWork のデータをすべて削除する</translation>
    </message>
    <message>
        <source>Withdraw your consent to the privacy policy: NeWork stops collecting and sending anything and asks for your consent again.</source>
        <translation type="vanished">プライバシーポリシーへの同意を撤回します。NeWork は情報の取得と送信をすべて停止し、あらためて同意をお願いします。</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="vanished">同意を撤回…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation type="vanished">同意を撤回して NeWork の利用を停止する</translation>
    </message>
    <message>
        <source>These pages open in your web browser. For questions about how your information is handled, use the inquiry form (Article 10).</source>
        <translation type="vanished">これらのページは Web ブラウザーで開きます。情報の取扱いに関するお問い合わせは、問い合わせフォーム（第10条）をご利用ください。</translation>
    </message>
    <message>
        <source>Opens {url} in your web browser</source>
        <translation type="vanished">{url} を Web ブラウザーで開きます</translation>
    </message>
    <message>
        <source>consent record, account summary, device ID</source>
        <translation type="vanished">同意の記録、アカウントの概要、端末識別 ID</translation>
    </message>
    <message>
        <source>settings</source>
        <translation type="vanished">設定</translation>
    </message>
    <message>
        <source>temporary files</source>
        <translation type="vanished">一時ファイル</translation>
    </message>
    <message>
        <source>logs</source>
        <translation type="vanished">ログ</translation>
    </message>
    <message>
        <source>record of what was sent, pending requests</source>
        <translation type="vanished">送信の記録、処理待ちの依頼</translation>
    </message>
    <message>
        <source>workspace web data (cookies, storage)</source>
        <translation type="vanished">ワークスペースの Web データ（クッキー、ストレージ）</translation>
    </message>
    <message>
        <source>workspace web cache</source>
        <translation type="vanished">ワークスペースの Web キャッシュ</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation type="vanished">{n} バイト</translation>
    </message>
    <message>
        <source>on</source>
        <translation type="vanished">オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation type="vanished">オフ</translation>
    </message>
    <message>
        <source>No consent is on record.</source>
        <translation type="vanished">同意の記録はありません。</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy in effect from {effective} (version {version}) on {date}, reading it in {language}.</source>
        <translation type="vanished">{date} に、{effective} 実施のプライバシーポリシー（バージョン {version}）に{language}で同意しました。</translation>
    </message>
    <message>
        <source>Collection modules: {choices}.</source>
        <translation type="vanished">情報収集モジュール: {choices}。</translation>
    </message>
    <message>
        <source>Last changed on {date}.</source>
        <translation type="vanished">最終変更: {date}。</translation>
    </message>
    <message>
        <source>Withdrew consent</source>
        <translation type="vanished">同意を撤回</translation>
    </message>
    <message>
        <source>Changed module choices</source>
        <translation type="vanished">モジュールの選択を変更</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation type="vanished">同意</translation>
    </message>
    <message>
        <source>Not created yet.</source>
        <translation type="vanished">まだ作成されていません。</translation>
    </message>
    <message>
        <source>There is no consent on record: nothing was changed.</source>
        <translation type="vanished">同意の記録がないため、何も変更していません。</translation>
    </message>
    <message>
        <source>Your choice could not be saved, so nothing was changed. Check that the disk is not full and try again.</source>
        <translation type="vanished">選択内容を保存できなかったため、何も変更していません。ディスクの空き容量を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>{name} is on again.</source>
        <translation type="vanished">{name} を再びオンにしました。</translation>
    </message>
    <message>
        <source>{name} is off: nothing more is sent to it from this app, and its cookies were deleted.</source>
        <translation type="vanished">{name} をオフにしました。本アプリからは今後何も送信されず、そのクッキーは削除されました。</translation>
    </message>
    <message>
        <source>{name} (smartphone apps only)</source>
        <translation type="vanished">{name}（スマートフォンアプリのみ）</translation>
    </message>
    <message>
        <source>NeWork service</source>
        <translation type="vanished">NeWork サービス</translation>
    </message>
    <message>
        <source>Not in the privacy policy</source>
        <translation type="vanished">プライバシーポリシーに記載なし</translation>
    </message>
    <message>
        <source>before you agreed to the policy</source>
        <translation type="vanished">ポリシーへの同意前</translation>
    </message>
    <message>
        <source>you switched it off</source>
        <translation type="vanished">オフに設定済み</translation>
    </message>
    <message>
        <source>not named in the privacy policy</source>
        <translation type="vanished">プライバシーポリシーに記載のない送信先</translation>
    </message>
    <message>
        <source>not part of the desktop app</source>
        <translation type="vanished">デスクトップアプリでは使用しない</translation>
    </message>
    <message>
        <source>not an internet address the app may use</source>
        <translation type="vanished">アプリが使用できないアドレス</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="vanished">計算中…</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation type="vanished">未作成</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="vanished">zip ファイル (*.zip)</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation type="vanished">「{name}」はすでに存在します。置き換えますか?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="vanished">書き出しています…</translation>
    </message>
    <message>
        <source>Your data was saved to {path}.</source>
        <translation type="vanished">データを {path} に保存しました。</translation>
    </message>
    <message>
        <source>A file with that name appeared meanwhile; nothing was replaced.</source>
        <translation type="vanished">その間に同じ名前のファイルが作成されたため、何も置き換えていません。</translation>
    </message>
    <message>
        <source>Your data could not be exported. Check that the folder exists and that there is enough free space, then try again.</source>
        <translation type="vanished">データを書き出せませんでした。フォルダーが存在し、空き容量が十分にあることを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="vanished">同意の撤回</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation type="vanished">同意を撤回すると、このコンピューターでの NeWork の利用を停止します。アプリはあらためて同意をお願いします。続けますか?</translation>
    </message>
    <message>
        <source>Ask the service to delete my data</source>
        <translation type="vanished">サービスにデータの削除を依頼</translation>
    </message>
    <message>
        <source>NeWork will ask the NeWork service to delete the data it keeps about you. This cannot be undone. Send the request?</source>
        <translation type="vanished">NeWork サービスが保持しているあなたのデータの削除を依頼します。元に戻すことはできません。依頼を送信しますか?</translation>
    </message>
    <message>
        <source>Sign in to NeWork to ask the service to delete your data.</source>
        <translation type="vanished">サービスにデータの削除を依頼するには、NeWork にサインインしてください。</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation type="vanished">依頼を送信しています…</translation>
    </message>
    <message>
        <source>No request was sent.</source>
        <translation type="vanished">依頼は送信されていません。</translation>
    </message>
    <message>
        <source>Pending since {date}: waiting for the service to confirm. The app keeps trying by itself, also after a restart.</source>
        <translation type="vanished">{date} から処理待ち: サービスの受付を待っています。再起動後も、アプリが自動で送信を続けます。</translation>
    </message>
    <message>
        <source>Sending now…</source>
        <translation type="vanished">送信しています…</translation>
    </message>
    <message>
        <source>Acknowledged on {date}: the service received your request.</source>
        <translation type="vanished">{date} に受付済み: サービスが依頼を受け付けました。</translation>
    </message>
</context>
<context>
    <name>ProviderErrorTexts</name>
    <message>
        <source>{provider} signs its answer in a way NeWork does not accept, so this sign-in cannot work. Register with your e-mail address or another provider.</source>
        <translation>{provider} の応答は NeWork が受け付けない方式で署名されているため、このサインインは利用できません。メールアドレスまたは別のサービスで登録してください。</translation>
    </message>
    <message>
        <source>NeWork&apos;s settings do not allow contacting {provider}. Register with your e-mail address or another provider.</source>
        <translation>NeWork の設定では {provider} に接続できません。メールアドレスまたは別のサービスで登録してください。</translation>
    </message>
    <message>
        <source>{provider} is not set up for NeWork right now, so this sign-in cannot work. Register with your e-mail address or another provider.</source>
        <translation>{provider} は現在 NeWork 向けに設定されていないため、このサインインは利用できません。メールアドレスまたは別のサービスで登録してください。</translation>
    </message>
    <message>
        <source>NeWork cannot reach {provider}. Check the internet connection and try again.</source>
        <translation>{provider} に接続できません。インターネット接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A secure connection to {provider} could not be made. Check the network (a proxy or a wrong clock can cause this).</source>
        <translation>{provider} との安全な接続を確立できませんでした。ネットワークを確認してください（プロキシや時計のずれが原因の場合があります）。</translation>
    </message>
    <message>
        <source>{provider} has a problem right now. Please try again later, or register with your e-mail address.</source>
        <translation>現在 {provider} で問題が発生しています。しばらくしてからもう一度お試しいただくか、メールアドレスで登録してください。</translation>
    </message>
    <message>
        <source>{provider} did not complete the sign-in. Please try again.</source>
        <translation>{provider} でのサインインが完了しませんでした。もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <source>e-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>business d account</source>
        <translation>ビジネスdアカウント</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <source>In this article</source>
        <extracomment>Emitted once, when the text has been read to the end.</extracomment>
        <translation>この条のリンク</translation>
    </message>
    <message>
        <source>All links in the policy</source>
        <translation>ポリシー中のすべてのリンク</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目次(&amp;C)</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <source>Choose an article to jump to it in the text</source>
        <translation>条を選ぶと本文の該当箇所へ移動します</translation>
    </message>
    <message>
        <source>Full &amp;text</source>
        <translation>全文(&amp;T)</translation>
    </message>
    <message>
        <source>Privacy policy, full text</source>
        <translation>プライバシーポリシー全文</translation>
    </message>
    <message>
        <source>Read to the end to enable Agree. Page Down and End scroll the text.</source>
        <translation>最後までお読みいただくと「同意して開始」を押せるようになります。Page Down キーと End キーで本文をスクロールできます。</translation>
    </message>
    <message>
        <source>Read: %p %</source>
        <translation>既読 %p %</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>読み進めた割合</translation>
    </message>
    <message>
        <source>&amp;Links…</source>
        <translation>リンク(&amp;L)…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>The links in the text and the modules&apos; pages; they open in your web browser</source>
        <translation>本文中のリンクと各モジュールのページ。Web ブラウザーで開きます</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>Register with NeWork</source>
        <translation>NeWork への登録</translation>
    </message>
    <message>
        <source>Register or sign in</source>
        <translation type="vanished">登録またはサインイン</translation>
    </message>
    <message>
        <source>To use NeWork, register a user ID: an e-mail address, or an account of Google, business d account, Apple or Microsoft. Your registration data is not given to third parties.</source>
        <translation type="vanished">NeWork を利用するには、ユーザーIDを登録してください：メールアドレス、または Google、ビジネスdアカウント、Apple、Microsoft のアカウントです。登録情報が第三者に提供されることはありません。</translation>
    </message>
    <message>
        <source>About registration</source>
        <translation type="vanished">登録について</translation>
    </message>
    <message>
        <source>You were signed in as {email} ({provider}). Please sign in again.</source>
        <translation type="vanished">{email}（{provider}）でサインインしていました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>This computer has no secure password storage (keyring). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</source>
        <translation type="vanished">このコンピューターには安全な資格情報の保管場所（キーリング）がありません。サインインはできますが、NeWork を終了するまでしか保持されず、次回の起動時にもう一度サインインが必要です。</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation type="vanished">メールアドレス(&amp;E)</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="vanished">name@example.com</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation type="vanished">メールアドレス</translation>
    </message>
    <message>
        <source>NeWork sends a one-time code to this address</source>
        <translation type="vanished">このアドレスに NeWork が確認コードを送信します</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation type="vanished">コードを送信</translation>
    </message>
    <message>
        <source>Send a one-time code to this address</source>
        <translation type="vanished">このアドレスに確認コードを送信</translation>
    </message>
    <message>
        <source>Or continue with an account of:</source>
        <translation type="vanished">または次のアカウントで続行：</translation>
    </message>
    <message>
        <source>Sign in with {provider}</source>
        <translation type="vanished">{provider} でサインイン</translation>
    </message>
    <message>
        <source>We sent a one-time code to {email}. Enter it below. The code is valid for {minutes} minutes.</source>
        <translation type="vanished">{email} に確認コードを送信しました。下に入力してください。コードの有効期間は {minutes} 分です。</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation type="vanished">確認コード(&amp;C)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="vanished">確認コード</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="vanished">サインイン</translation>
    </message>
    <message>
        <source>Sign in with this code</source>
        <translation type="vanished">このコードでサインイン</translation>
    </message>
    <message>
        <source>Use another address</source>
        <translation type="vanished">別のアドレスを使う</translation>
    </message>
    <message>
        <source>Use another e-mail address</source>
        <translation type="vanished">別のメールアドレスを使う</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation type="vanished">新しいコードを送信</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in with {provider} there, then come back.</source>
        <translation type="vanished">ウェブブラウザーで {provider} にサインインしてから、この画面に戻ってください。</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation type="vanished">ブラウザーでの操作を待っています</translation>
    </message>
    <message>
        <source>If your browser did not open, copy the link and open it in your browser.</source>
        <translation type="vanished">ブラウザーが開かない場合は、リンクをコピーしてブラウザーで開いてください。</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="vanished">リンクをコピー</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation type="vanished">サインイン用のリンクをコピー</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">キャンセル</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation type="vanished">サインインをキャンセル</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>技術的な詳細を表示します</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技術的な詳細</translation>
    </message>
    <message>
        <source>Quit NeWork</source>
        <translation>NeWork を終了</translation>
    </message>
    <message>
        <source>Quit NeWork without registering</source>
        <translation>登録せずに NeWork を終了</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="vanished">メール</translation>
    </message>
    <message>
        <source>Not available: this NeWork build has no sign-in set up for it.</source>
        <translation type="vanished">利用できません：この NeWork ではこのサインインが設定されていません。</translation>
    </message>
    <message>
        <source>Not available yet: the provider&apos;s sign-in is not configured.</source>
        <translation type="vanished">まだ利用できません：このサービスでのサインインが設定されていません。</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>サインインはキャンセルされました。</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Please try again.</source>
        <translation>ブラウザーから時間内に応答がありませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>{provider} did not allow the sign-in.</source>
        <translation>{provider} がサインインを許可しませんでした。</translation>
    </message>
    <message>
        <source>The answer from {provider} could not be verified. Please try again.</source>
        <translation>{provider} からの応答を検証できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>This sign-in is not available.</source>
        <translation>このサインインは利用できません。</translation>
    </message>
    <message>
        <source>Signing in with {provider} did not work. Please try again.</source>
        <translation>{provider} でのサインインに失敗しました。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address, for example name@example.com.</source>
        <translation>正しいメールアドレスを入力してください（例：name@example.com）。</translation>
    </message>
    <message>
        <source>The code is not correct. Check the mail and try again.</source>
        <translation>コードが正しくありません。メールを確認して、もう一度入力してください。</translation>
    </message>
    <message>
        <source>The code has expired. Request a new code.</source>
        <translation>コードの有効期限が切れました。新しいコードを請求してください。</translation>
    </message>
    <message>
        <source>Too many wrong codes. Request a new code.</source>
        <translation>誤ったコードの入力が多すぎます。新しいコードを請求してください。</translation>
    </message>
    <message>
        <source>Too many requests. Please wait {seconds} s and try again.</source>
        <translation>リクエストが多すぎます。{seconds} 秒待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>リクエストが多すぎます。しばらく待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>A secure connection to the NeWork service could not be made. Check the network (a proxy or a wrong clock can cause this).</source>
        <translation>NeWork サービスとの安全な接続を確立できませんでした。ネットワークを確認してください（プロキシや時計のずれが原因のことがあります）。</translation>
    </message>
    <message>
        <source>NeWork cannot reach its service. Check the internet connection and try again.</source>
        <translation>NeWork のサービスに接続できません。インターネット接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The NeWork service has a problem right now. Please try again later.</source>
        <translation>現在 NeWork のサービスに問題が発生しています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The NeWork service sent an answer the app does not understand. Please try again later.</source>
        <translation>NeWork のサービスから解釈できない応答が返されました。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>NeWork&apos;s settings do not allow contacting this address.</source>
        <translation>NeWork の設定により、この宛先への接続は許可されていません。</translation>
    </message>
    <message>
        <source>The service refused the sign-in. Please try again.</source>
        <translation>サービスがサインインを受け付けませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The service did not accept the request. Please try again.</source>
        <translation>サービスがリクエストを受け付けませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>問題が発生しました。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Resend code ({seconds} s)</source>
        <translation type="vanished">コードを再送信（{seconds} 秒）</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation type="vanished">コードを再送信</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation type="vanished">残りの入力回数：{n}</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation type="vanished">残りの入力回数</translation>
    </message>
    <message>
        <source>The browser did not open. Copy the link and open it in your browser.</source>
        <translation type="vanished">ブラウザーが開きませんでした。リンクをコピーしてブラウザーで開いてください。</translation>
    </message>
    <message>
        <source>Quit NeWork?</source>
        <translation>NeWork を終了しますか？</translation>
    </message>
    <message>
        <source>NeWork needs a user ID. Quit without registering?</source>
        <translation>NeWork の利用にはユーザーIDが必要です。登録せずに終了しますか？</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Go back to registration</source>
        <translation>登録に戻る</translation>
    </message>
</context>
<context>
    <name>SentPage</name>
    <message>
        <source>What was sent</source>
        <extracomment>Periods of the page, in days.</extracomment>
        <translation>送信の記録</translation>
    </message>
    <message>
        <source>Before anything leaves this computer, NeWork checks where it goes against the privacy policy. This table counts, per day and destination, how many connections were allowed and how many were blocked. Only these counts and the destination names are kept — never what was sent. Days are counted in UTC.</source>
        <translation>NeWork は、このコンピューターから何かを送信する前に、送信先がプライバシーポリシーに沿っているかを確認します。この表は、日ごと・送信先ごとに、許可した接続と遮断した接続の数を示します。記録するのはこの件数と送信先の名前だけで、送信した内容は記録しません。日付は UTC で数えています。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation>過去 14 日間</translation>
    </message>
    <message>
        <source>Last 31 days</source>
        <translation>過去 31 日間</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>表示する期間</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the list of what was sent</source>
        <translation>送信の記録を更新</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>遮断</translation>
    </message>
    <message>
        <source>Why blocked</source>
        <translation>遮断の理由</translation>
    </message>
    <message>
        <source>Connections per day and destination</source>
        <translation>日ごと・送信先ごとの接続数</translation>
    </message>
    <message>
        <source>Nothing was sent or blocked in this period.</source>
        <translation>この期間に送信・遮断された接続はありません。</translation>
    </message>
    <message>
        <source>Recently blocked</source>
        <translation>最近遮断した接続</translation>
    </message>
    <message>
        <source>The latest connections the app refused since it was started.</source>
        <translation>アプリの起動後に遮断した最新の接続です。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Recently blocked connections</source>
        <translation>最近遮断した接続</translation>
    </message>
    <message>
        <source>Nothing was blocked since NeWork started.</source>
        <translation>NeWork の起動後にブロックされた通信はまだありません。</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>まだありません。</translation>
    </message>
    <message>
        <source>{name} (smartphone apps only)</source>
        <translation>{name}（スマートフォンアプリのみ）</translation>
    </message>
    <message>
        <source>NeWork service</source>
        <translation>NeWork サービス</translation>
    </message>
    <message>
        <source>Not in the privacy policy</source>
        <translation>プライバシーポリシーに記載なし</translation>
    </message>
    <message>
        <source>before you agreed to the policy</source>
        <translation>ポリシーへの同意前</translation>
    </message>
    <message>
        <source>you switched it off</source>
        <translation>オフに設定済み</translation>
    </message>
    <message>
        <source>not named in the privacy policy</source>
        <translation>プライバシーポリシーに記載のない送信先</translation>
    </message>
    <message>
        <source>not part of the desktop app</source>
        <translation>デスクトップアプリでは使用しない</translation>
    </message>
    <message>
        <source>not an internet address the app may use</source>
        <translation>アプリが使用できないアドレス</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — NeWork</source>
        <extracomment>The language combo&apos;s value for &quot;follow the system&quot;. The language picked: &quot;ja&quot;, &quot;en&quot; or &quot;&quot; (the system&apos;s). The module choices just recorded.</extracomment>
        <translation>設定 — NeWork</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The language of NeWork&apos;s windows; kept for the next start</source>
        <translation>NeWork の画面の表示言語。次回の起動時にも使われます</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>A module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</source>
        <translation>オフにしたモジュールには本アプリから今後何も送信されず、そのクッキーは削除されます。選択内容は同意の記録に追加されます。</translation>
    </message>
    <message>
        <source>Allow {0} in this app</source>
        <translation>このアプリで {0} を許可する</translation>
    </message>
    <message>
        <source>When off, nothing is sent to {0} from this app.</source>
        <translation>オフにすると、本アプリから {0} には何も送信されません。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Signs you out on this computer; NeWork then asks you to sign in again</source>
        <translation>このコンピューターでサインアウトします。その後、NeWork はもう一度サインインを求めます</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>サインインしていません。</translation>
    </message>
    <message>
        <source>Signed in as {email} ({provider}).</source>
        <translation>{email}（{provider}）でサインインしています。</translation>
    </message>
</context>
<context>
    <name>StartupErrors</name>
    <message>
        <source>NeWork cannot start</source>
        <translation>NeWork を起動できません</translation>
    </message>
    <message>
        <source>NeWork cannot save its data on this computer, so nothing was recorded. Check that the disk is not full and that you may write to the folder below, then start NeWork again.</source>
        <translation>NeWork はこのコンピューターにデータを保存できないため、何も記録されていません。ディスクの空き容量があること、下記のフォルダーに書き込めることを確認してから、NeWork をもう一度起動してください。</translation>
    </message>
</context>
<context>
    <name>SummaryPane</name>
    <message>
        <source>What we collect</source>
        <translation>取得する情報</translation>
    </message>
    <message>
        <source>A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</source>
        <translation>第２条の要約です。同意の対象は全文であり、両者が異なる場合は全文が適用されます。</translation>
    </message>
    <message>
        <source>Summary of the information collected, and the collection modules</source>
        <translation>取得する利用者情報と情報収集モジュールの要約</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation>取得する利用者情報（第２条）</translation>
    </message>
    <message>
        <source>One row per purpose: information, purpose, how it is collected, plans</source>
        <translation>利用目的ごとに１行：利用者情報、利用目的、取得方法、対象プラン</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Switch a module off below, next to Agree, to keep this app from sending anything to it.</source>
        <translation>利用状況を取得する第三者のプログラムです（第２条第２項）。下の「同意して開始」の横でモジュールをオフにすると、本アプリからそのモジュールには何も送信されません。</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</source>
        <translation type="vanished">利用状況を取得する第三者のプログラムです（第２条２項）。チェックを外すと、このアプリからそのモジュールへは何も送信されません。</translation>
    </message>
</context>
<context>
    <name>WipeDialogs</name>
    <message>
        <source>Uninstall NeWork</source>
        <translation>NeWork をアンインストール</translation>
    </message>
    <message>
        <source>NeWork will delete all of its data on this computer, move the app to the Trash and quit. Your account on the NeWork service is not deleted.</source>
        <translation>NeWork はこのコンピューター上のデータをすべて削除し、アプリをゴミ箱に移動して終了します。NeWork サービスのアカウントは削除されません。</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>アンインストール</translation>
    </message>
    <message>
        <source>Delete all local data</source>
        <translation>ローカルデータをすべて削除</translation>
    </message>
    <message>
        <source>NeWork will delete all of its data on this computer (consent record, sign-in, settings, web data, logs) and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation>NeWork はこのコンピューター上のデータ（同意の記録、サインイン、設定、Web データ、ログ）をすべて削除し、最初からやり直します。NeWork サービスのアカウントは削除されません。</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>すべて削除</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Folders that will be deleted:</source>
        <translation>削除されるフォルダー：</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>同意の撤回</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again.</source>
        <translation>同意を撤回すると、このコンピューターでの NeWork のご利用を停止します。アプリはあらためて同意をお願いします。</translation>
    </message>
    <message>
        <source>Nothing more is collected or sent. Your data on this computer stays until you delete it.</source>
        <translation>以後、情報の取得や送信は行われません。このコンピューター上のデータは、削除するまで残ります。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <comment>button</comment>
        <translation>同意を撤回する</translation>
    </message>
    <message>
        <source>All of NeWork&apos;s data on this computer was deleted. To use NeWork again, read the privacy policy and agree.</source>
        <translation>このコンピューター上の NeWork のデータをすべて削除しました。NeWork を再びご利用になるには、プライバシーポリシーをお読みのうえ同意してください。</translation>
    </message>
    <message>
        <source>remains: {path}</source>
        <translation>残っているもの：{path}</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation type="vanished">同意を撤回すると、このコンピューターでの NeWork の利用を停止します。アプリはあらためて同意をお願いします。続けますか?</translation>
    </message>
    <message>
        <source>Some data could not be deleted</source>
        <translation>一部のデータを削除できませんでした</translation>
    </message>
    <message>
        <source>NeWork could not delete everything. Close other programs that may use these files and try again; the next attempt finishes the job.</source>
        <translation>NeWork はすべてを削除できませんでした。これらのファイルを使用している可能性のある他のプログラムを終了してから、もう一度お試しください。次回の実行で削除を完了します。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>NeWork workspace</source>
        <extracomment>Seconds between writes of the transmission log while the workspace is open. Chromium&apos;s net::ERR_BLOCKED_BY_CLIENT: an interceptor refused the request. Chromium&apos;s net::ERR_ABORTED: a load replaced by another, or a refused navigation. True when a page of the service is shown, False when the error page is.</extracomment>
        <translation>NeWork ワークスペース</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="vanished">再試行</translation>
    </message>
    <message>
        <source>Developer Tools</source>
        <translation>開発者ツール</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>サーバーがステータス %1 を返しました。</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>エラーコード: %1</translation>
    </message>
    <message>
        <source>NeWork cannot be reached</source>
        <translation type="vanished">NeWork に接続できません</translation>
    </message>
    <message>
        <source>NeWork is having a problem</source>
        <translation type="vanished">NeWork で問題が発生しています</translation>
    </message>
    <message>
        <source>This address is not allowed</source>
        <translation type="vanished">このアドレスは許可されていません</translation>
    </message>
    <message>
        <source>The connection is not secure</source>
        <translation type="vanished">接続が安全ではありません</translation>
    </message>
    <message>
        <source>The workspace stopped</source>
        <translation type="vanished">ワークスペースが停止しました</translation>
    </message>
    <message>
        <source>Check your internet connection, then try again. Your data on this computer is not affected.</source>
        <translation type="vanished">インターネット接続を確認してから、もう一度お試しください。このコンピューター上のデータには影響ありません。</translation>
    </message>
    <message>
        <source>The NeWork service could not show your workspace right now. Please try again in a moment.</source>
        <translation type="vanished">NeWork サービスが現在ワークスペースを表示できません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The app&apos;s privacy rules do not allow opening this address. You can review your choices in the privacy center.</source>
        <translation type="vanished">アプリのプライバシー設定により、このアドレスを開くことはできません。選択内容はプライバシーセンターで確認できます。</translation>
    </message>
    <message>
        <source>The workspace opens after you agree to the privacy policy.</source>
        <translation type="vanished">プライバシーポリシーに同意すると、ワークスペースが開きます。</translation>
    </message>
    <message>
        <source>The identity of the NeWork server could not be verified, so the workspace was not opened. Check the date and time of this computer, then try again.</source>
        <translation type="vanished">NeWork サーバーの身元を確認できなかったため、ワークスペースを開きませんでした。このコンピューターの日付と時刻を確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The workspace stopped unexpectedly. Try again to reopen it.</source>
        <translation type="vanished">ワークスペースが予期せず停止しました。再試行すると開き直します。</translation>
    </message>
    <message>
        <source>Save download</source>
        <translation>ダウンロードを保存</translation>
    </message>
    <message>
        <source>%1 wants to use your camera.</source>
        <translation>%1 がカメラの使用を求めています。</translation>
    </message>
    <message>
        <source>%1 wants to use your microphone.</source>
        <translation>%1 がマイクの使用を求めています。</translation>
    </message>
    <message>
        <source>%1 wants to use your camera and microphone.</source>
        <translation>%1 がカメラとマイクの使用を求めています。</translation>
    </message>
    <message>
        <source>Camera and microphone</source>
        <translation>カメラとマイク</translation>
    </message>
    <message>
        <source>Your answer is remembered for this site.</source>
        <translation>この回答はこのサイトについて記憶されます。</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>Don&apos;t Allow</source>
        <translation>許可しない</translation>
    </message>
    <message>
        <source>NeWork Developer Tools</source>
        <translation>NeWork 開発者ツール</translation>
    </message>
</context>
</TS>
